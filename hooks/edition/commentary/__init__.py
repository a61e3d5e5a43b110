"""Commentary: notes anchored to passages, contributed by pull request.

``schema`` validates a note's front matter, ``load`` reads every note file,
and the rest places notes on their passages and renders them safely.
"""
