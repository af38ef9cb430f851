package vn.gbv.portal.coverage;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Charts drawn on the server as SVG (JFreeChart + JFreeSVG): no script, scales to a phone by its viewBox. */
final class CoverageCharts {

    private static final Color PRIMARY = new Color(0x6a, 0x1b, 0x9a);
    private static final Color MILESTONE = new Color(0xb2, 0x4a, 0x00);
    private static final Color TARGET = new Color(0x1b, 0x5e, 0x20);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final int WIDTH = 560;
    private static final int HEIGHT = 300;

    private CoverageCharts() {
    }

    /** The share trained at each point, with the year's milestone and the target as lines. */
    static String trend(List<CoverageService.TrendPoint> points, BigDecimal milestone, String milestoneLabel,
                        BigDecimal target, String targetLabel, String seriesLabel) {
        TimeSeries series = new TimeSeries(seriesLabel);
        for (CoverageService.TrendPoint p : points) {
            series.addOrUpdate(new Day(java.util.Date.from(p.date().atStartOfDay(ZoneId.systemDefault()).toInstant())),
                    p.figures().percent());
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, "%", new TimeSeriesCollection(series), false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 12));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setDomainGridlinePaint(new Color(0xee, 0xee, 0xee));
        plot.setOutlineVisible(false);
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, 100);
        range.setTickLabelFont(tick);
        range.setLabelFont(tick);
        DateAxis domain = (DateAxis) plot.getDomainAxis();
        domain.setDateFormatOverride(new SimpleDateFormat("MM/yyyy"));
        domain.setTickLabelFont(tick);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, PRIMARY);
        renderer.setSeriesStroke(0, new BasicStroke(3.5f));
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        plot.setRenderer(renderer);
        plot.addRangeMarker(marker(target, targetLabel, TARGET));
        if (milestone.compareTo(target) != 0) {
            plot.addRangeMarker(marker(milestone, milestoneLabel, MILESTONE));
        }
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix("cov" + SEQUENCE.incrementAndGet());
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g2.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    private static ValueMarker marker(BigDecimal value, String label, Color color) {
        ValueMarker marker = new ValueMarker(value.doubleValue(), color,
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        marker.setLabelPaint(color);
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        marker.setLabelOffset(new RectangleInsets(2, 8, 2, 2));
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        return marker;
    }
}
