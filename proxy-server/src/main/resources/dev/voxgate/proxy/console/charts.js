// Small line charts drawn as SVG, with an accessible name that says in words what the line shows.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 120;
const HEIGHT = 28;

/** A sparkline of {@code values} (empty shows a flat baseline), scaled to {@code max} or to the highest value. */
export function sparkline(values, label, max = Math.max(...values, 0)) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('width', WIDTH);
  svg.setAttribute('height', HEIGHT);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.classList.add('spark');
  const line = document.createElementNS(SVG, 'polyline');
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const scale = max > 0 ? (HEIGHT - 4) / max : 0;
  const points = values.length === 0 ? [[0, HEIGHT - 2], [WIDTH, HEIGHT - 2]]
    : values.length === 1 ? [[0, HEIGHT - 2 - values[0] * scale], [WIDTH, HEIGHT - 2 - values[0] * scale]]
      : values.map((value, index) => [index * step, HEIGHT - 2 - value * scale]);
  line.setAttribute('points', points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '));
  svg.append(line);
  return svg;
}
