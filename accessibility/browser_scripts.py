"""The JavaScript that `browser_checks` runs in the page, as function bodies that follow its
`describe(el)` helper: the focus indicator of the focused element, and reflow at one width."""

# Color arithmetic of WCAG 2.x: relative luminance and contrast ratio, over white.
COLORS = """
function parseColor(text) {
  const parts = (text || "").match(/[\\d.]+/g);
  if (!text || !parts || !text.startsWith("rgb")) return null;
  const [r, g, b, a = 1] = parts.map(Number);
  return {r, g, b, a};
}
function over(top, bottom) {
  const a = top.a;
  return {r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a),
          b: top.b * a + bottom.b * (1 - a), a: 1};
}
function luminance(c) {
  const lin = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}
function contrast(x, y) {
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}
function hex(c) {
  return "#" + [c.r, c.g, c.b].map(v => Math.round(v).toString(16).padStart(2, "0")).join("");
}
// The color painted behind an element: its ancestors' backgrounds, laid over white.
function backdrop(el) {
  const layers = [];
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    const color = parseColor(getComputedStyle(node).backgroundColor);
    if (color && color.a > 0) { layers.push(color); if (color.a >= 1) break; }
  }
  return layers.reverse().reduce((below, top) => over(top, below), {r: 255, g: 255, b: 255, a: 1});
}
function indicatorStyle(el) {
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1
    ? style.outlineColor : null;
  const shadows = style.boxShadow === "none" ? []
    : (style.boxShadow.match(/rgba?\\([^)]*\\)/g) || []);
  return {outline, shadows, background: backdrop(el), border: style.borderTopColor,
          borderWidth: parseFloat(style.borderTopWidth)};
}
"""

# Called with a starting point: focus starts from the top of the document.
FOCUS_START_BODY = """
  const start = document.createElement("span");
  start.tabIndex = -1;
  document.body.prepend(start);
  start.focus();
  start.remove();
}"""

# What changes when the element takes focus, and its best contrast with its surroundings:
# an outline or ring against the backdrop, or a new background or border against the old.
FOCUS_INDICATOR_BODY = (
    COLORS
    + """
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const all = Array.prototype.indexOf.call(document.querySelectorAll("*"), el);
  const focused = indicatorStyle(el);
  el.blur();
  const resting = indicatorStyle(el);
  el.focus({preventScroll: true});
  const around = el.parentElement ? backdrop(el.parentElement) : {r: 255, g: 255, b: 255, a: 1};
  const candidates = [];
  if (focused.outline && focused.outline !== resting.outline) {
    const c = parseColor(focused.outline);
    if (c) candidates.push([contrast(over(c, around), around), hex(around)]);
  }
  for (const text of focused.shadows) {
    if (resting.shadows.includes(text)) continue;
    const c = parseColor(text);
    if (c) candidates.push([contrast(over(c, around), around), hex(around)]);
  }
  if (hex(focused.background) !== hex(resting.background)) {
    candidates.push([contrast(focused.background, resting.background), hex(resting.background)]);
  }
  if (focused.borderWidth >= 1 && focused.border !== resting.border) {
    const now = parseColor(focused.border), before = parseColor(resting.border);
    if (now && before) {
      candidates.push([contrast(over(now, around), over(before, around)), "its border"]);
    }
  }
  const best = candidates.sort((p, q) => q[0] - p[0])[0];
  return {key: describe(el) + "@" + all, selector: describe(el),
          contrast: best ? best[0] : null, against: best ? best[1] : null};
}"""
)

# At the current width: how far the page scrolls sideways, the outermost elements that stick
# out of it, and elements that scroll sideways themselves without being a labelled region.
REFLOW_BODY = """
  const width = document.documentElement.clientWidth;
  const pageOverflow = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)
    - width;
  const scrolls = style => ["auto", "scroll"].includes(style.overflowX);
  const clips = style => style.overflowX !== "visible";
  const overflowing = [];
  const unlabelledScrollers = [];
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (scrolls(style) && el.scrollWidth > el.clientWidth + 1) {
      const labelled = el.getAttribute("role") === "region"
        && (el.getAttribute("aria-label") || el.getAttribute("aria-labelledby"));
      if (!labelled || el.tabIndex < 0) unlabelledScrollers.push(describe(el));
    }
    if (style.position === "fixed" || el.getBoundingClientRect().right <= width + 1) continue;
    let inside = false;
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      if (clips(getComputedStyle(node)) || node.getBoundingClientRect().right > width + 1) {
        inside = true;
        break;
      }
    }
    if (!inside && overflowing.length < 10) overflowing.push(describe(el));
  }
  return {pageOverflow: Math.max(0, pageOverflow), overflowing, unlabelledScrollers};
}"""
