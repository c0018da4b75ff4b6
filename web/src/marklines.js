// Reference lines: the server draws a chart's ReferenceLines as ECharts
// markLines (internal/viewer/refline.go).
import * as echarts from "echarts/core";
import { MarkLineComponent } from "echarts/components";

echarts.use([MarkLineComponent]);
