"""Write docs/index.md from README.md (links made relative to docs/), so that the
site's home page is the README without keeping two copies in the repository."""

import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
readme = (root / "README.md").read_text(encoding="utf-8")
(root / "docs" / "index.md").write_text(
    "<!-- written by tools/docs_index.py from README.md: edit the README -->\n"
    + readme.replace("](docs/", "]("),
    encoding="utf-8",
)
