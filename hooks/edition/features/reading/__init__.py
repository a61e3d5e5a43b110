"""The reading experience around the essays.

``navigation`` builds the site's navigation from the model, ``whole_essay``
the one-page view of each essay, ``listings`` the home page's listing,
``seo`` each page's description and ``valid_html`` two corrections to the
theme's markup.
"""
