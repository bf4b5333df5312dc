import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];

/** A request's response time per iteration (uPlot: a few kB, draws thousands of points on a canvas without lag). */
export function ResponseTimeChart({ name, x, y, width }: { name: string; x: number[]; y: (number | null)[]; width: number }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  useEffect(() => {
    if (!host.current) return;
    const accent = getComputedStyle(host.current).getPropertyValue('--accent').trim() || '#2f6fed';
    chart.current = new uPlot(
      {
        width,
        // tall enough for a few time ticks under the iteration axis (at 140 px only "0" had room)
        height: 180,
        legend: { show: false },
        scales: { x: { time: false } },
        // iterations are whole numbers: no 1.25 ticks
        axes: [
          { label: 'iteration', incrs: WHOLE_STEPS, values: (_, ticks) => ticks.map(String) },
          { label: 'ms', size: 50 },
        ],
        series: [{}, { label: 'ms', stroke: accent, width: 2, points: { show: x.length <= 60 }, spanGaps: false }],
      },
      [x, y],
      host.current,
    );
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
    // the chart is rebuilt for a new width; new data goes through setData below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [width]);
  useEffect(() => {
    chart.current?.setData([x, y]);
  }, [x, y]);
  return <div ref={host} role="img" aria-label={`Response time of ${name} per iteration`} />;
}
