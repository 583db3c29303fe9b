// The trend chart (Chart.js, loaded as /dashboard/chart.umd.min.js): score per interval as a line inside its 95 %
// interval band, answers as bars. A bucket cut by the period (partial) is a hollow point on a dashed line; one of fewer
// than 30 answers is a small grey point: neither reads like a full, well-sampled bucket.
import { interval, kinds } from './format.js';

const accent = '#1d4ed8';
const muted = '#9ca3af';

let chart;

const hasScore = point => point.responses > 0 && point.score !== null && point.score !== undefined;

/** The score axis: the kind's whole scale would flatten NPS (−100…100), so it spans the data and its intervals, padded. */
export function scoreAxis(kind, points) {
  const { min, max } = kinds[kind].axis;
  const values = points.filter(hasScore).flatMap(p => [p.score, p.confidence95?.low, p.confidence95?.high])
    .filter(v => typeof v === 'number');
  if (values.length === 0) return { min, max };
  const step = kind === 'ces' ? 0.5 : 10;
  return {
    min: Math.max(min, Math.floor(Math.min(...values) / step) * step - step),
    max: Math.min(max, Math.ceil(Math.max(...values) / step) * step + step),
  };
}

function describe(kind, point) {
  const notes = hasScore(point) ? [`95 % interval: ${interval(kind, point.confidence95)}`] : [];
  if (point.partial) notes.push('partial bucket: only its days inside the period are counted');
  if (point.smallSample) notes.push('fewer than 30 answers: read with care');
  return notes;
}

export function drawTrend(kind, series) {
  const points = series ?? [];
  const at = context => points[context.dataIndex] ?? {};
  const band = bound => points.map(p => (hasScore(p) ? p.confidence95?.[bound] ?? null : null));
  const data = {
    labels: points.map(point => String(point.start).slice(0, 10)),
    datasets: [
      {
        type: 'line', label: kinds[kind].title, yAxisID: 'score', spanGaps: true, tension: 0.25, order: 0,
        borderColor: accent, backgroundColor: accent,
        data: points.map(point => (hasScore(point) ? point.score : null)),
        pointRadius: context => (at(context).smallSample ? 3 : 5),
        pointBorderColor: context => (at(context).smallSample ? muted : accent),
        pointBackgroundColor: context => (at(context).partial ? '#fff' : at(context).smallSample ? muted : accent),
        pointBorderWidth: 2,
        // A segment reaching a partial bucket is dashed.
        segment: { borderDash: context => (points[context.p0DataIndex]?.partial || points[context.p1DataIndex]?.partial ? [6, 4] : undefined) },
      },
      {
        type: 'bar', label: 'Responses', yAxisID: 'count', backgroundColor: 'rgba(107, 114, 128, 0.25)', order: 2,
        data: points.map(point => point.responses),
      },
      // The band: the high bound filled down to the low one (fill '-1': the dataset before it).
      {
        type: 'line', label: '95 % interval (low)', yAxisID: 'score', spanGaps: true, tension: 0.25, order: 1,
        data: band('low'), borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: false,
      },
      {
        type: 'line', label: '95 % interval', yAxisID: 'score', spanGaps: true, tension: 0.25, order: 1,
        data: band('high'), borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: '-1', backgroundColor: 'rgba(29, 78, 216, 0.12)',
      },
    ],
  };
  chart?.destroy();
  chart = new window.Chart(document.getElementById('trend'), {
    data,
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { labels: { filter: item => item.text !== '95 % interval (low)' } },
        tooltip: {
          filter: item => item.datasetIndex < 2,
          callbacks: { afterBody: items => (items.length > 0 ? describe(kind, points[items[0].dataIndex] ?? {}) : []) },
        },
      },
      scales: {
        score: { position: 'left', ...scoreAxis(kind, points) },
        count: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } },
      },
    },
  });
}
