"""Turn a plain-text essay into Markdown pages with stable paragraph ids.

``parse`` reads the text, ``ids`` keeps paragraph ids stable across imports,
``state`` remembers what the last import wrote, and ``run`` puts them together
and writes files (atomically, never over a hand edit).
"""
