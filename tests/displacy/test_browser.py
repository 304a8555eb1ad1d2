"""The visualizer's output rendered by a real browser (headless chromium)."""

import threading

import pytest

from plait import displacy
from plait.displacy.colors import DEFAULT_COLORS
from plait.errors import InputError

from .conftest import hex_rgb

pytestmark = pytest.mark.browser


def test_entity_colours_appear_in_browser_screenshot(ent_doc, screenshot, tmp_path):
    page = tmp_path / "ents.html"
    page.write_text(displacy.render(ent_doc, style="ent", page=True), encoding="utf8")
    pixels = screenshot(page.as_uri())
    for label in ("ORG", "GPE"):
        assert pixels.get(hex_rgb(DEFAULT_COLORS[label]), 0) > 200, label
    assert pixels.get(hex_rgb(DEFAULT_COLORS["PERSON"]), 0) == 0


def test_custom_colours_appear_in_browser_screenshot(ent_doc, screenshot, tmp_path):
    page = tmp_path / "ents.html"
    options = {"colors": {"ORG": "#ff00aa"}}
    page.write_text(displacy.render(ent_doc, style="ent", page=True, options=options))
    pixels = screenshot(page.as_uri())
    assert pixels.get((255, 0, 170), 0) > 200


def test_served_page_renders_in_browser(ent_doc, screenshot):
    markup = displacy.render(ent_doc, style="ent", page=True)
    server = displacy.make_server(markup, port=0)
    host, port = server.server_address[:2]
    assert host == "127.0.0.1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        pixels = screenshot(f"http://127.0.0.1:{port}/")
    finally:
        server.shutdown()
        server.server_close()
    assert pixels.get(hex_rgb(DEFAULT_COLORS["ORG"]), 0) > 200


def test_dependency_svg_draws_arcs_in_browser(dep_doc, screenshot, tmp_path):
    page = tmp_path / "deps.html"
    page.write_text(displacy.render(dep_doc, style="dep", page=True,
                                    options={"color": "#0000ff"}))
    pixels = screenshot(page.as_uri(), size="900,400")
    assert pixels.get((0, 0, 255), 0) > 100


def test_busy_port_is_a_coded_error_unless_auto_selected():
    first = displacy.make_server("x", port=0)
    port = first.server_address[1]
    try:
        with pytest.raises(InputError, match="E506"):
            displacy.make_server("x", port=port)
        second = displacy.make_server("x", port=port, auto_select_port=True)
        assert second.server_address[1] != port
        second.server_close()
    finally:
        first.server_close()
