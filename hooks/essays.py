"""MkDocs hook: load the edition's model and build the navigation from it.

Listed first under ``hooks:`` in mkdocs.yml; the other hooks read the model it
loads through ``edition.build.current()``.
"""

from mkdocs.plugins import get_plugin_logger

from edition import build
from edition.navigation import site_nav

log = get_plugin_logger(__name__)


def on_config(config):
    site = build.load(config["docs_dir"], config.config_file_path)
    for problem in site.problems:
        log.warning(str(problem))
    config["nav"] = site_nav(list(site.essays.values()), config["extra"].get("nav_tail"))
    return config
