// Small line and bar charts drawn as SVG, with an accessible name that says in words what they show.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 120;
const HEIGHT = 28;

function svg(width, height, label) {
  const chart = document.createElementNS(SVG, 'svg');
  chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
  chart.setAttribute('width', width);
  chart.setAttribute('height', height);
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', label);
  return chart;
}

/** A sparkline of {@code values} (empty shows a flat baseline), scaled to {@code max} or to the highest value. */
export function sparkline(values, label, max = Math.max(...values, 0)) {
  const chart = svg(WIDTH, HEIGHT, label);
  chart.classList.add('spark');
  const line = document.createElementNS(SVG, 'polyline');
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const scale = max > 0 ? (HEIGHT - 4) / max : 0;
  const points = values.length === 0 ? [[0, HEIGHT - 2], [WIDTH, HEIGHT - 2]]
    : values.length === 1 ? [[0, HEIGHT - 2 - values[0] * scale], [WIDTH, HEIGHT - 2 - values[0] * scale]]
      : values.map((value, index) => [index * step, HEIGHT - 2 - value * scale]);
  line.setAttribute('points', points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '));
  chart.append(line);
  return chart;
}

const BAR_HEIGHT = 64;
const BAR_WIDTH = 14;
const BAR_GAP = 4;

/** Bars of {@code values} side by side, in their order, the highest reaching the top. */
export function bars(values, label) {
  const chart = svg(Math.max(1, values.length) * (BAR_WIDTH + BAR_GAP), BAR_HEIGHT, label);
  chart.classList.add('bars');
  const max = Math.max(...values, 0);
  values.forEach((value, index) => {
    const height = max > 0 ? Math.max(1, (value / max) * (BAR_HEIGHT - 2)) : 0;
    const bar = document.createElementNS(SVG, 'rect');
    bar.setAttribute('x', index * (BAR_WIDTH + BAR_GAP));
    bar.setAttribute('y', (BAR_HEIGHT - height).toFixed(1));
    bar.setAttribute('width', BAR_WIDTH);
    bar.setAttribute('height', height.toFixed(1));
    chart.append(bar);
  });
  return chart;
}
