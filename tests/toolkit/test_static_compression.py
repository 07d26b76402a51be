"""Static files are served Brotli-compressed as well as gzipped: collectstatic writes a .br beside each file."""

from pathlib import Path

from whitenoise.compress import Compressor


def test_collectstatic_writes_a_brotli_file_beside_the_gzip_one(tmp_path):
    css = tmp_path / "site.css"
    css.write_text("body { margin: 0; }\n" * 200)
    written = {Path(name).suffix for name in Compressor(quiet=True).compress(str(css))}
    assert written == {".gz", ".br"}
    assert (tmp_path / "site.css.br").stat().st_size < css.stat().st_size
