"""Turn a plain-text essay into Markdown pages with stable paragraph ids.

``parse`` reads the text, ``inline`` writes a paragraph's words as Markdown
(only terms, links and emphasis are markup), ``ids`` keeps paragraph ids
stable across imports, ``state`` remembers what the last import wrote (and
journals one under way), ``lock`` lets one import run at a time, and ``run``
puts them together and writes files (atomically, never over a hand edit);
``glossary_names`` reads the glossary's names through a cache.
"""
