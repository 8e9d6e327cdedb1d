import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ReportChart as Chart } from '../../../../shared/src/contracts/reports.ts';
import { formatNumberVi } from '../../lib/format.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const colors = ['#b3261e', '#1d4ed8', '#15803d', '#a16207'];
const valueText = (unit: Chart['unit'], v: number) => (unit === 'pct' ? `${formatNumberVi(v, 2)}%` : formatNumberVi(v));

/** A section's bar chart, horizontal so long Vietnamese labels stay readable; the label says the figures for screen readers. */
export function ReportChart({ chart }: { chart: Chart }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el.current);
    const cats = [...chart.categories].reverse();
    c.setOption({
      grid: { left: 8, right: 56, top: chart.series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
      legend: chart.series.length > 1 ? { top: 0 } : undefined,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => valueText(chart.unit, Number(v)) },
      xAxis: { type: 'value', max: chart.unit === 'pct' ? 100 : undefined, axisLabel: { formatter: (v: number) => (chart.unit === 'pct' ? `${v}%` : formatNumberVi(v)) } },
      yAxis: { type: 'category', data: cats, axisLabel: { width: 260, overflow: 'break' } },
      series: chart.series.map((s, i) => ({
        name: s.name,
        type: 'bar',
        data: [...s.values].reverse(),
        itemStyle: { color: colors[i % colors.length] },
        label: { show: true, position: 'right', formatter: (p: { value: number }) => valueText(chart.unit, p.value) },
      })),
    });
    return () => {
      resize.disconnect();
      c.dispose();
    };
  }, [chart]);
  const summary = chart.categories.map((cat, i) => `${cat}: ${chart.series.map((s) => valueText(chart.unit, s.values[i] ?? 0)).join(' / ')}`).join('; ');
  const height = Math.min(640, Math.max(160, chart.categories.length * chart.series.length * 30 + 60));
  return <div ref={el} role="img" aria-label={`${chart.title} — ${summary}`} style={{ height }} />;
}
