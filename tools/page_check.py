"""Open a digest page in headless Chromium as a reader would, and report.

    python tools/page_check.py PAGE.html [--shots DIR] [--name NAME]

Prints a JSON report: console errors, network requests other than the page
itself, headings, images without alt text, SVG charts without a label, text
colour contrast below 4.5:1, horizontal overflow at phone width, and writes
screenshots at phone (390 px) and desktop (1280 px) width. Uses Playwright
with the system's Chromium (``chromium`` from Debian, see tools/ci-browser.sh)
or Playwright's own browser when it is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any, Dict, Optional

# Contrast of every text element against its nearest opaque background (WCAG 2).
_AUDIT_JS = r"""
() => {
  const lum = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(',').map(x => parseFloat(x));
    if (p.length === 4 && p[3] === 0) return null;
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(p[0]) + 0.7152 * f(p[1]) + 0.0722 * f(p[2]);
  };
  const bg = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const l = lum(getComputedStyle(e).backgroundColor); if (l !== null) return l;
    }
    return 1.0;
  };
  const low = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest('svg')) continue;
    const r = el.getBoundingClientRect(); if (r.width === 0 || r.height === 0) continue;
    const fg = lum(getComputedStyle(el).color), b = bg(el);
    if (fg === null) continue;
    const ratio = (Math.max(fg, b) + 0.05) / (Math.min(fg, b) + 0.05);
    if (ratio < 4.5) low.push({tag: el.tagName, text: el.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100});
  }
  return {
    headings: [...document.querySelectorAll('h1,h2,h3,h4')].map(h => [h.tagName, h.textContent.trim().slice(0, 60)]),
    imgs_without_alt: [...document.querySelectorAll('img:not([alt])')].length,
    svgs_without_label: [...document.querySelectorAll('svg')].filter(s => !(s.getAttribute('aria-label') || s.getAttribute('aria-hidden') === 'true')).length,
    html_lang: document.documentElement.lang,
    low_contrast: low.slice(0, 20),
    overflow_x: document.documentElement.scrollWidth > window.innerWidth + 1,
    scripts: document.querySelectorAll('script').length,
  };
}
"""


def find_chromium() -> Optional[str]:
    """The system's Chromium, or None (Playwright may still have its own browser)."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browser_available() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return find_chromium() is not None or bool(os.environ.get("PLAYWRIGHT_BROWSERS_PATH"))


def check_page(page_path: Path, shots: Optional[Path] = None, name: str = "page",
               at: Optional[str] = None, width: int = 1280) -> Dict[str, Any]:
    """Open ``page_path`` at phone and desktop width; the report as a dict.
    Screenshots show the first screen, or the screen from the element ``at``
    (a CSS selector) down."""
    from playwright.sync_api import sync_playwright

    url = page_path.resolve().as_uri()
    report: Dict[str, Any] = {"console": [], "requests": [], "widths": {}}
    with sync_playwright() as pw:
        exe = find_chromium()
        browser = pw.chromium.launch(executable_path=exe, args=["--no-sandbox"]) if exe \
            else pw.chromium.launch()
        try:
            for label, w, height in (("phone", 390, 844), ("desktop", width, 900)):
                ctx = browser.new_context(viewport={"width": w, "height": height},
                                          device_scale_factor=1)
                page = ctx.new_page()
                page.on("console", lambda m: report["console"].append(f"{m.type}: {m.text}")
                        if m.type in ("error", "warning") else None)
                page.on("pageerror", lambda e: report["console"].append(f"pageerror: {e}"))
                page.on("request", lambda r: report["requests"].append(r.url)
                        if r.url != url else None)
                page.goto(url, wait_until="load")
                report["widths"][label] = page.evaluate(_AUDIT_JS)
                if shots is not None:
                    shots.mkdir(parents=True, exist_ok=True)
                    if at:
                        page.locator(at).first.evaluate("e => e.scrollIntoView()")
                    page.screenshot(path=str(shots / f"{name}-{label}.png"), full_page=False)
                if label == "desktop":
                    # Printable: the print layout lays out to A4 pages without
                    # anything wider than the paper.
                    page.emulate_media(media="print")
                    report["print_overflow_x"] = page.evaluate(
                        "document.documentElement.scrollWidth > window.innerWidth + 1")
                    pdf = page.pdf(format="A4", print_background=False)
                    report["print_pdf_bytes"] = len(pdf)
                ctx.close()
        finally:
            browser.close()
    return report


def main(argv: Optional[list] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", type=Path)
    ap.add_argument("--shots", type=Path, default=None, help="folder for the screenshots")
    ap.add_argument("--name", default="page", help="screenshot file name prefix")
    ap.add_argument("--at", default=None, help="CSS selector of the element to show")
    ap.add_argument("--width", type=int, default=1280, help="desktop width (default 1280)")
    args = ap.parse_args(argv)
    print(json.dumps(check_page(args.page, args.shots, args.name, args.at, args.width), indent=1,
                     ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
