"""The only folder that imports MkDocs: the edition's build as MkDocs sees it.

The hook files in ``hooks/`` route MkDocs' events to one build object per
build (:mod:`.build`), whose parts translate MkDocs' pages and files into
calls on the features. A port to another site engine rewrites this folder
and the hook files, nothing else.
"""
