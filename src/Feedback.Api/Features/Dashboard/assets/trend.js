// The trend chart (Chart.js, loaded as /dashboard/chart.umd.min.js): score per interval as a line, answers as bars.
import { kinds } from './format.js';

let chart;

export function drawTrend(kind, series) {
  const points = series ?? [];
  const data = {
    labels: points.map(point => String(point.start).slice(0, 10)),
    datasets: [
      {
        type: 'line', label: kinds[kind].title, yAxisID: 'score', spanGaps: true, tension: 0.25,
        borderColor: '#1d4ed8', backgroundColor: '#1d4ed8',
        data: points.map(point => (point.responses > 0 ? point.score : null)),
      },
      {
        type: 'bar', label: 'Responses', yAxisID: 'count', backgroundColor: 'rgba(107, 114, 128, 0.25)',
        data: points.map(point => point.responses),
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
      scales: {
        score: { position: 'left', ...kinds[kind].axis },
        count: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } },
      },
    },
  });
}
