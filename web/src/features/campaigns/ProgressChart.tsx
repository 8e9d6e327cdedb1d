import { useEffect, useMemo, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { formatDateVi, formatNumberVi } from '../../lib/format.ts';
import type { Series } from './campaigns.api.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

const colors = ['#b3261e', '#1d4ed8', '#15803d', '#a16207', '#7c3aed', '#0f766e'];
const pct = (v: number) => `${formatNumberVi(v, 2)}%`;

/** Held % per level over time (solid) against the target line of the directive and the province (dashed). */
export function ProgressChart({ series, asOf }: { series: Series; asOf: string }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const levels = useMemo(() => series.levels.filter((l) => l.total > 0), [series]);

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
    const s = levels.flatMap((l, i) => {
      const color = colors[i % colors.length];
      const held = l.points.filter((p) => p.date <= asOf).map((p) => [p.date, p.heldPct]);
      return [
        { name: t('campaigns.dash.chartHeld', { level: l.levelName }), type: 'line', step: 'end', showSymbol: false, data: held, lineStyle: { width: 2, color }, itemStyle: { color } },
        {
          name: t('campaigns.dash.chartTarget', { level: l.levelName }),
          type: 'line',
          showSymbol: false,
          data: l.targetLine.map((p) => [p.date, p.pct]),
          lineStyle: { type: 'dashed', width: 1, color },
          itemStyle: { color },
        },
      ];
    });
    chart.current?.setOption(
      {
        grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
        legend: { type: 'scroll', top: 0 },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => pct(Number(v)),
          axisPointer: { label: { formatter: (p: { value: unknown }) => formatDateVi(new Date(Number(p.value))) } },
        },
        xAxis: { type: 'time', axisLabel: { hideOverlap: true, formatter: (v: number) => formatDateVi(new Date(v)) } },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => `${v}%` } },
        series: s,
      },
      true,
    );
  }, [levels, asOf, t]);

  // What the picture says, for screen readers (and the journeys): each level's latest held %.
  const summary = levels.map((l) => `${l.levelName}: ${pct(l.points.filter((p) => p.date <= asOf).at(-1)?.heldPct ?? 0)}`).join('; ');
  return <div ref={el} className="campaign-chart" role="img" aria-label={`${t('campaigns.dash.chart')} — ${summary}`} style={{ height: 340 }} />;
}
