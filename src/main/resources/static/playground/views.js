// The landscape with animated optimizer paths, and the loss chart: inline SVG drawn in the page.
import { PALETTE, axes, clear, contourLevels, contourPath, el, fmt, linear, logScale, rgb, star, viridis } from './graphics.js';

const W = 640;
const H = 520;
const PLOT = { x0: 56, y0: 10, x1: 630, y1: 478 };

export class LandscapeView {
  constructor(svg, onPick) {
    this.svg = svg;
    this.onPick = onPick;
    this.sx = null;
    this.sy = null;
    this.runToken = 0;
    svg.addEventListener('click', (event) => this.click(event));
  }

  /** Draws filled contour bands, contour lines, axes and the known minima. */
  setLandscape(landscape, optimum, start) {
    const svg = this.svg;
    clear(svg);
    svg.dataset.state = 'landscape';
    const { x, y } = landscape;
    const values = landscape.values.map((row) => row.map((v) => (v === null ? NaN : v)));
    this.sx = linear(x[0], x[x.length - 1], PLOT.x0, PLOT.x1);
    this.sy = linear(y[0], y[y.length - 1], PLOT.y1, PLOT.y0);
    const defs = el('defs', {}, svg);
    const clip = el('clipPath', { id: 'landscape-clip' }, defs);
    el('rect', { x: PLOT.x0, y: PLOT.y0, width: PLOT.x1 - PLOT.x0, height: PLOT.y1 - PLOT.y0 }, clip);

    const floor = optimum ? optimum.loss : NaN;
    const { levels, log } = contourLevels(values, 14, floor);
    this.levels = { levels, log };
    const body = el('g', { 'clip-path': 'url(#landscape-clip)' }, svg);
    el('image', {
      class: 'bands',
      href: bands(x, y, values, levels),
      x: this.sx(x[0] - (x[1] - x[0]) / 2),
      y: this.sy(y[y.length - 1] + (y[1] - y[0]) / 2),
      width: this.sx(x[x.length - 1] + (x[1] - x[0]) / 2) - this.sx(x[0] - (x[1] - x[0]) / 2),
      height: this.sy(y[0] - (y[1] - y[0]) / 2) - this.sy(y[y.length - 1] + (y[1] - y[0]) / 2),
      preserveAspectRatio: 'none',
    }, body);
    const lines = el('g', { class: 'contours', fill: 'none', 'stroke-width': 0.9, 'data-spacing': log ? 'log' : 'linear' }, body);
    levels.forEach((level, k) => {
      const [r, g, b] = viridis((0.92 * k) / Math.max(1, levels.length - 1));
      el('path', { d: contourPath(x, y, values, level, this.sx, this.sy), stroke: `rgb(${r * 0.6 | 0},${g * 0.6 | 0},${b * 0.6 | 0})`, 'stroke-opacity': 0.7, 'data-level': level }, lines);
    });
    axes(svg, PLOT, this.sx, this.sy, 'x', 'y');
    const minima = el('g', { class: 'minima', fill: '#fff', stroke: '#000', 'stroke-width': 1.2 }, svg);
    for (const point of optimum ? optimum.points : []) {
      const marker = el('path', { class: 'minimum', d: star(this.sx(point[0]), this.sy(point[1]), 8) }, minima);
      el('title', {}, marker).textContent = `known minimum (${fmt(point[0], 6)}, ${fmt(point[1], 6)}), f = ${fmt(optimum.loss, 6)}`;
    }
    this.pathLayer = el('g', { class: 'paths', 'clip-path': 'url(#landscape-clip)', fill: 'none' }, svg);
    this.startMarker = el('circle', { class: 'start-marker', r: 6, fill: '#fff', stroke: '#000', 'stroke-width': 2 }, svg);
    this.setStart(start);
  }

  setStart(start) {
    if (!this.startMarker || !start || !start.every(Number.isFinite)) return;
    this.startMarker.setAttribute('cx', this.sx(start[0]));
    this.startMarker.setAttribute('cy', this.sy(start[1]));
  }

  click(event) {
    if (!this.sx) return;
    const point = this.svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    const p = point.matrixTransform(this.svg.getScreenCTM().inverse());
    if (p.x < PLOT.x0 || p.x > PLOT.x1 || p.y < PLOT.y0 || p.y > PLOT.y1) return;
    const span = Math.max(Math.abs(this.sx.domain[1] - this.sx.domain[0]), Math.abs(this.sy.domain[1] - this.sy.domain[0]));
    const digits = Math.max(0, 3 - Math.floor(Math.log10(span)));
    const round = (v) => Number(v.toFixed(digits));
    this.onPick([round(this.sx.invert(p.x)), round(this.sy.invert(p.y))]);
  }

  /** Draws every result's path, growing them together by iteration; resolves when done. */
  showPaths(results, animate) {
    const token = ++this.runToken;
    clear(this.pathLayer);
    const halos = el('g', { class: 'halos', stroke: '#fff', 'stroke-width': 4.5, 'stroke-opacity': 0.8, 'stroke-linejoin': 'round' }, this.pathLayer);
    const lines = el('g', { class: 'lines', 'stroke-width': 2.2, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }, this.pathLayer);
    const markers = el('g', { class: 'markers' }, this.pathLayer);
    const drawn = results.map((result, i) => {
      const color = PALETTE[i % PALETTE.length];
      const points = [];
      const iterations = [];
      result.path.points.forEach((p, k) => {
        if (p && p.length >= 2 && p.every((v) => v !== null && Number.isFinite(v))) {
          points.push(`${this.sx(p[0]).toFixed(1)},${this.sy(p[1]).toFixed(1)}`);
          iterations.push(result.path.iterations[k]);
        }
      });
      const halo = el('polyline', { points: '' }, halos);
      const line = el('polyline', { class: 'opt-path', stroke: color, 'data-label': result.label, points: '' }, lines);
      el('title', {}, line).textContent = `${result.label}: final loss ${fmt(result.finalLoss)}`;
      if (points.length) {
        const [sx, sy] = points[0].split(',');
        el('circle', { class: 'opt-start', cx: sx, cy: sy, r: 4.5, fill: '#fff', stroke: color, 'stroke-width': 2 }, markers);
      }
      return { result, color, points, iterations, halo, line };
    });
    const last = Math.max(1, ...drawn.map((d) => (d.iterations.length ? d.iterations[d.iterations.length - 1] : 0)));
    const render = (fraction) => {
      for (const d of drawn) {
        let n = 0;
        while (n < d.iterations.length && d.iterations[n] <= fraction * last) n++;
        const shown = d.points.slice(0, Math.max(1, n)).join(' ');
        d.halo.setAttribute('points', shown);
        d.line.setAttribute('points', shown);
      }
    };
    const finish = () => {
      render(1);
      for (const d of drawn) {
        if (!d.points.length) continue;
        const [ex, ey] = d.points[d.points.length - 1].split(',');
        if (d.result.status === 'diverged') {
          el('path', { class: 'opt-end diverged', d: `M${ex - 5} ${ey - 5}L${+ex + 5} ${+ey + 5}M${ex - 5} ${+ey + 5}L${+ex + 5} ${ey - 5}`, stroke: d.color, 'stroke-width': 2.5 }, markers);
        } else {
          el('circle', { class: 'opt-end', cx: ex, cy: ey, r: 4.5, fill: d.color, stroke: '#fff', 'stroke-width': 1.2 }, markers);
        }
      }
      this.svg.dataset.state = 'done';
    };
    const reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (!animate || reduced) {
      finish();
      return Promise.resolve();
    }
    this.svg.dataset.state = 'animating';
    const duration = 1600;
    return new Promise((resolve) => {
      const begin = performance.now();
      const frame = (now) => {
        if (token !== this.runToken) return resolve();
        const fraction = Math.min(1, (now - begin) / duration);
        render(fraction * (2 - fraction)); // ease out
        if (fraction < 1) {
          requestAnimationFrame(frame);
        } else {
          finish();
          resolve();
        }
      };
      requestAnimationFrame(frame);
    });
  }
}

/** Filled contour bands as a small image: each grid value coloured by the band it falls in. */
function bands(x, y, values, levels) {
  const canvas = document.createElement('canvas');
  canvas.width = x.length;
  canvas.height = y.length;
  const context = canvas.getContext('2d');
  const image = context.createImageData(x.length, y.length);
  for (let j = 0; j < y.length; j++) {
    for (let i = 0; i < x.length; i++) {
      const v = values[j][i];
      const offset = 4 * ((y.length - 1 - j) * x.length + i);
      let color = [238, 238, 238];
      if (Number.isFinite(v)) {
        let band = 0;
        while (band < levels.length && v > levels[band]) band++;
        color = viridis((0.92 * band) / Math.max(1, levels.length)).map((c) => Math.round(c + (255 - c) * 0.45));
      }
      image.data.set([...color, 255], offset);
    }
  }
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}

/** Loss against iteration: log scale when every loss is positive and they span two decades. */
export function drawLosses(svg, results) {
  clear(svg);
  const plot = { x0: 60, y0: 10, x1: 470, y1: 262 };
  const all = results.flatMap((r) => r.path.losses.filter((v) => v !== null && Number.isFinite(v)));
  if (!all.length) return;
  const low = Math.min(...all);
  let high = Math.max(...all);
  const log = low > 0 && high / low >= 100;
  const starts = results.map((r) => r.path.losses[0]).filter((v) => v !== null && Number.isFinite(v));
  const startHigh = Math.max(...starts);
  if (Number.isFinite(startHigh) && startHigh > low) high = Math.min(high, log ? startHigh * 100 : startHigh + (startHigh - low) * 0.1);
  const maxIteration = Math.max(1, ...results.map((r) => r.path.iterations[r.path.iterations.length - 1] || 0));
  const sx = linear(0, maxIteration, plot.x0, plot.x1);
  const sy = log ? logScale(low / 1.3, high * 1.3, plot.y1, plot.y0)
    : linear(low - (high - low) * 0.05 || low - 1, high + (high - low) * 0.05 || high + 1, plot.y1, plot.y0);
  const defs = el('defs', {}, svg);
  const clip = el('clipPath', { id: 'losses-clip' }, defs);
  el('rect', { x: plot.x0, y: plot.y0, width: plot.x1 - plot.x0, height: plot.y1 - plot.y0 }, clip);
  axes(svg, plot, sx, sy, 'iteration', log ? 'loss (log)' : 'loss', { grid: true, yTicks: 5 });
  const curves = el('g', { class: 'curves', 'clip-path': 'url(#losses-clip)', fill: 'none', 'stroke-width': 2, 'data-scale': log ? 'log' : 'linear' }, svg);
  const legend = el('g', { class: 'legend', 'font-size': 12 }, svg);
  results.forEach((result, i) => {
    const color = PALETTE[i % PALETTE.length];
    const points = [];
    result.path.losses.forEach((v, k) => {
      if (v !== null && Number.isFinite(v)) points.push(`${sx(result.path.iterations[k]).toFixed(1)},${sy(v).toFixed(1)}`);
    });
    el('polyline', { class: 'loss-line', points: points.join(' '), stroke: color, 'data-label': result.label }, curves);
    const y = plot.y0 + 8 + i * 34;
    if (y > 290) return;
    el('line', { x1: 484, x2: 506, y1: y, y2: y, stroke: color, 'stroke-width': 3 }, legend);
    el('text', { x: 512, y: y + 4, 'font-weight': 'bold', fill: '#333' }, legend).textContent = result.label.length > 16 ? `${result.label.slice(0, 15)}…` : result.label;
    el('text', { x: 512, y: y + 18, fill: '#666', 'font-size': 11 }, legend).textContent = `loss ${fmt(result.finalLoss)}`;
  });
}
