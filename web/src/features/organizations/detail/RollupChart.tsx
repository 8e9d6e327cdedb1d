import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { formatCount } from '../../../lib/format.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Bar = { label: string; value: number };

/** A small horizontal bar chart: long Vietnamese type names read better on the vertical axis. */
export function RollupChart({ bars, seriesName }: { bars: Bar[]; seriesName: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const ordered = [...bars].reverse();
    chart.current?.setOption(
      {
        grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => formatCount(Number(v)) },
        // Each bar carries its value; axis numbers would only crowd a small chart.
        xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
        yAxis: { type: 'category', data: ordered.map((b) => b.label), axisLabel: { width: 170, overflow: 'truncate' } },
        series: [
          {
            name: seriesName,
            type: 'bar',
            data: ordered.map((b) => b.value),
            itemStyle: { color: '#b3261e' },
            barMaxWidth: 22,
            label: { show: true, position: 'right', formatter: (p: { value: unknown }) => formatCount(Number(p.value)) },
          },
        ],
      },
      true,
    );
  }, [bars, seriesName]);

  const summary = bars.map((b) => `${b.label}: ${formatCount(b.value)}`).join('; ');
  return <div ref={el} className="rollup-chart" role="img" aria-label={`${seriesName} — ${summary}`} style={{ height: Math.max(160, bars.length * 40) }} />;
}
