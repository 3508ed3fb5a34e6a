import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { BarChart, HeatmapChart, PieChart } from 'echarts/charts';
import {
  CalendarComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { saveContent } from '../api/files';
import { t } from '../i18n';

echarts.use([
  BarChart,
  PieChart,
  HeatmapChart,
  CalendarComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

interface Props {
  title: string;
  option: ChartOption;
  height?: number;
  testId?: string;
}

/** One ECharts chart in a card, with 导出图片 saving it as a PNG named by the chart's title. */
export function Chart({ title, option, height = 300, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current);
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  const exportPng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    saveContent({
      fileName: `${title}.png`,
      mime: 'image/png',
      contentBase64: url.slice(url.indexOf(',') + 1),
    });
  };

  return (
    <Card
      title={title}
      data-testid={testId}
      extra={
        <Button size="small" icon={<DownloadOutlined />} onClick={exportPng}>
          {t.chart.exportPng}
        </Button>
      }
    >
      <div ref={box} style={{ height }} />
    </Card>
  );
}
