"""Files the build writes from the model that are not pages (the glossary's preview data, the feeds).

A full build writes them with the site. The preview (``make serve``) builds
only the pages an edit reaches and never writes a generated file again, so a
part whose data changed with the model writes the file itself.
"""

from __future__ import annotations

from mkdocs.structure.files import Files


def rewrite(files: Files, src: str, text: str) -> None:
    """Give the generated file ``src`` the text ``text`` and write it to the site, when the text changed."""
    file = files.get_file_from_path(src)
    if file is not None and file.generated_by and file.content_string != text:
        file.content_string = text
        file.copy_file()
