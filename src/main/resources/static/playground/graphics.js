// Drawing helpers shared by the landscape and the loss chart: scales, ticks, colours, contour
// levels and marching squares. The server's SVG plots (org.optlab.plot) follow the same rules, so
// the page and a downloaded SVG agree.

export const SVG_NS = 'http://www.w3.org/2000/svg';

// Okabe–Ito without yellow, then darker variants: the same order as the server's plots.
export const PALETTE = ['#d55e00', '#0072b2', '#e69f00', '#cc79a7', '#009e73', '#56b4e9', '#000000', '#8c3b00',
  '#004a75', '#9a6a00', '#8f4f75', '#00664b', '#2f7fae', '#5a5a5a', '#b84a00', '#3d3d8f'];

const VIRIDIS = [[0x44, 0x01, 0x54], [0x48, 0x25, 0x76], [0x41, 0x44, 0x87], [0x35, 0x60, 0x8d], [0x2a, 0x78, 0x8e],
  [0x21, 0x90, 0x8c], [0x22, 0xa8, 0x84], [0x43, 0xbf, 0x71], [0x7a, 0xd1, 0x51], [0xbb, 0xdf, 0x27], [0xfd, 0xe7, 0x25]];

export function viridis(t) {
  const c = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(c));
  const f = c - i;
  return VIRIDIS[i].map((a, k) => Math.round(a + f * (VIRIDIS[i + 1][k] - a)));
}

export function rgb([r, g, b]) {
  return `rgb(${r},${g},${b})`;
}

export function el(name, attributes = {}, parent = null) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  }
  if (parent) parent.appendChild(node);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function linear(d0, d1, r0, r1) {
  const f = (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
  f.invert = (p) => d0 + ((p - r0) / (r1 - r0)) * (d1 - d0);
  f.ticks = (n) => niceTicks(d0, d1, n);
  f.domain = [d0, d1];
  return f;
}

export function logScale(d0, d1, r0, r1) {
  const l0 = Math.log10(d0);
  const l1 = Math.log10(d1);
  const f = (v) => r0 + ((Math.log10(v > 0 ? v : d0 * 1e-6) - l0) / (l1 - l0)) * (r1 - r0);
  f.ticks = (n) => {
    const from = Math.ceil(l0 - 1e-9);
    const to = Math.floor(l1 + 1e-9);
    const stride = Math.max(1, Math.ceil((to - from + 1) / n));
    const ticks = [];
    for (let k = from; k <= to; k += stride) ticks.push(Number(`1e${k}`));
    if (ticks.length < 2) {
      for (let k = from - 1; k <= to; k++) {
        for (const m of [2, 5]) {
          const v = m * Number(`1e${k}`);
          if (v >= d0 && v <= d1) ticks.push(v);
        }
      }
      ticks.sort((a, b) => a - b);
    }
    return ticks;
  };
  f.domain = [d0, d1];
  return f;
}

export function niceStep(rough) {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const base = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / base;
  return (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10) * base;
}

export function niceTicks(low, high, count) {
  const step = niceStep((high - low) / Math.max(1, count));
  const ticks = [];
  for (let k = Math.ceil(low / step - 1e-9); k <= Math.floor(high / step + 1e-9); k++) {
    const v = k * step;
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return ticks;
}

/** A short label: plain between 1e-3 and 1e5, else 1.2e-5. */
export function fmt(v, digits = 4) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(digits)));
  const [m, e] = v.toExponential(digits - 1).split('e');
  return `${String(Number(m))}e${Number(e)}`;
}

/**
 * Contour levels as the server chooses them: log-spaced from the known minimum (or 0) when the
 * values span three decades or more, else evenly spaced nice numbers.
 */
export function contourLevels(values, count, floor) {
  const finite = values.flat().filter((v) => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length < 2 || finite[0] === finite[finite.length - 1]) return { levels: [], log: false, offset: 0 };
  const min = finite[0];
  const max = finite[finite.length - 1];
  const offset = Number.isFinite(floor) && floor <= min + 1e-12 * Math.max(1, Math.abs(min)) ? floor : min >= 0 ? 0 : min;
  const above = finite.map((v) => v - offset).filter((v) => v > 0);
  const q = (p) => above[Math.max(0, Math.min(above.length - 1, Math.floor(p * (above.length - 1))))];
  const log = above.length >= 2 && Math.log10(above[above.length - 1] / q(0.05)) >= 3;
  if (!log) {
    return { levels: niceTicks(min, max, count + 1).filter((v) => v > min && v < max), log: false, offset };
  }
  const low = q(0.005);
  const high = q(0.98) > low ? q(0.98) : above[above.length - 1];
  const perDecade = Math.max(1, Math.min(6, Math.round(count / Math.max(1e-9, Math.log10(high / low)))));
  const levels = [];
  for (let k = Math.ceil(perDecade * Math.log10(low) - 1e-9); k <= Math.floor(perDecade * Math.log10(high) + 1e-9); k++) {
    levels.push(offset + 10 ** (k / perDecade));
  }
  return { levels, log: true, offset };
}

/** Marching squares: the segments where the grid crosses the level, as one SVG path. */
export function contourPath(x, y, values, level, sx, sy) {
  const parts = [];
  const at = (i0, j0, i1, j1) => {
    const a = values[j0][i0];
    const b = values[j1][i1];
    const t = b === a ? 0.5 : (level - a) / (b - a);
    const px = sx(x[i0] + t * (x[i1] - x[i0]));
    const py = sy(y[j0] + t * (y[j1] - y[j0]));
    return `${px.toFixed(1)} ${py.toFixed(1)}`;
  };
  for (let j = 0; j + 1 < y.length; j++) {
    for (let i = 0; i + 1 < x.length; i++) {
      const bl = values[j][i];
      const br = values[j][i + 1];
      const tr = values[j + 1][i + 1];
      const tl = values[j + 1][i];
      if (![bl, br, tr, tl].every((v) => v !== null && Number.isFinite(v))) continue;
      const index = (tl > level ? 8 : 0) | (tr > level ? 4 : 0) | (br > level ? 2 : 0) | (bl > level ? 1 : 0);
      if (index === 0 || index === 15) continue;
      const bottom = () => at(i, j, i + 1, j);
      const top = () => at(i, j + 1, i + 1, j + 1);
      const left = () => at(i, j, i, j + 1);
      const right = () => at(i + 1, j, i + 1, j + 1);
      const seg = (p, q) => parts.push(`M${p()}L${q()}`);
      const centreAbove = (bl + br + tr + tl) / 4 > level;
      switch (index) {
        case 1: case 14: seg(left, bottom); break;
        case 2: case 13: seg(bottom, right); break;
        case 3: case 12: seg(left, right); break;
        case 4: case 11: seg(right, top); break;
        case 6: case 9: seg(bottom, top); break;
        case 7: case 8: seg(left, top); break;
        case 5: if (centreAbove) { seg(left, top); seg(bottom, right); } else { seg(left, bottom); seg(right, top); } break;
        case 10: if (centreAbove) { seg(left, bottom); seg(right, top); } else { seg(bottom, right); seg(left, top); } break;
        default: break;
      }
    }
  }
  return parts.join('');
}

export function star(x, y, r) {
  let d = '';
  for (let k = 0; k < 10; k++) {
    const radius = k % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    d += `${k === 0 ? 'M' : 'L'}${(x + radius * Math.cos(angle)).toFixed(1)} ${(y + radius * Math.sin(angle)).toFixed(1)}`;
  }
  return `${d}Z`;
}

/** Axes with ticks around a plot rectangle. */
export function axes(svg, plot, sx, sy, xLabel, yLabel, { grid = false, xTicks = 7, yTicks = 6 } = {}) {
  const g = el('g', { class: 'axes', 'font-size': 11, fill: '#333' }, svg);
  for (const t of sx.ticks(xTicks)) {
    const px = sx(t);
    if (px < plot.x0 - 0.5 || px > plot.x1 + 0.5) continue;
    if (grid) el('line', { x1: px, x2: px, y1: plot.y0, y2: plot.y1, stroke: '#eee' }, g);
    el('line', { x1: px, x2: px, y1: plot.y1, y2: plot.y1 + 4, stroke: '#333' }, g);
    el('text', { x: px, y: plot.y1 + 16, 'text-anchor': 'middle' }, g).textContent = fmt(t, 6);
  }
  for (const t of sy.ticks(yTicks)) {
    const py = sy(t);
    if (py < plot.y0 - 0.5 || py > plot.y1 + 0.5) continue;
    if (grid) el('line', { x1: plot.x0, x2: plot.x1, y1: py, y2: py, stroke: '#eee' }, g);
    el('line', { x1: plot.x0 - 4, x2: plot.x0, y1: py, y2: py, stroke: '#333' }, g);
    el('text', { x: plot.x0 - 6, y: py + 4, 'text-anchor': 'end' }, g).textContent = fmt(t, 6);
  }
  el('text', { x: (plot.x0 + plot.x1) / 2, y: plot.y1 + 32, 'text-anchor': 'middle' }, g).textContent = xLabel;
  el('text', { transform: `translate(12 ${(plot.y0 + plot.y1) / 2}) rotate(-90)`, 'text-anchor': 'middle' }, g).textContent = yLabel;
  el('rect', { x: plot.x0, y: plot.y0, width: plot.x1 - plot.x0, height: plot.y1 - plot.y0, fill: 'none', stroke: '#333' }, svg);
  return g;
}
