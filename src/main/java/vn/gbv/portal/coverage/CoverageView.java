package vn.gbv.portal.coverage;

import vn.gbv.portal.i18n.LocalDates;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.coverage.CoverageService.CoverageReport;
import vn.gbv.portal.coverage.CoverageService.Forecast;
import vn.gbv.portal.coverage.CoverageService.UnitFigures;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;

/**
 * The coverage dashboard: /coverage (the caller's own unit today) or
 * /coverage/&lt;unit code&gt;?date=YYYY-MM-DD, so that a link can be shared. Bad input gets a
 * message, never an error page and never another unit's figures.
 */
@Route("coverage/:code?")
@RolesAllowed({Role.Names.UNIT_MANAGER, Role.Names.ADMIN})
class CoverageView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CoverageService coverage;
    private final boolean admin;
    final DatePicker date;
    final Paragraph problem = new Paragraph();
    final Div content = new Div();
    final TreeGrid<UnitFigures> units = new TreeGrid<>();
    private Grid.Column<UnitFigures> countsColumn;
    private Registration dateListener;
    private BigDecimal milestone = BigDecimal.ZERO;
    private String unitCode;

    private final java.util.Optional<CoverageDownloads> downloads;

    CoverageView(CoverageService coverage, CurrentUser currentUser,
                 org.springframework.beans.factory.ObjectProvider<CoverageDownloads> downloads) {
        this.coverage = coverage;
        this.downloads = java.util.Optional.ofNullable(downloads.getIfAvailable());
        this.admin = currentUser.get().map(u -> u.isAdmin()).orElse(false);
        addClassNames("page", "coverage-view");
        date = LocalDates.picker(this, "coverage.as-of");
        problem.addClassName("form-problem");
        problem.setVisible(false);
        content.addClassName("coverage-content");
        unitGrid();
        add(problem, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse(null);
        Optional<String> dateParam = event.getLocation().getQueryParameters().getSingleParameter("date");
        show(code, dateParam.orElse(null));
    }

    private void show(String code, String dateParam) {
        problem.setVisible(false);
        content.removeAll();
        if (code == null) {
            Optional<CoverageService.CoverageUnit> start = coverage.startingUnit();
            if (start.isEmpty()) {
                refuse(getTranslation("coverage.error.no-scope"));
                return;
            }
            code = start.get().code();
        }
        LocalDate asOf;
        try {
            asOf = dateParam == null || dateParam.isBlank() ? coverage.today() : LocalDate.parse(dateParam.strip());
        } catch (DateTimeParseException e) {
            refuse(getTranslation("coverage.error.bad-date", dateParam));
            return;
        }
        CoverageReport report;
        List<CoverageService.TrendPoint> trend;
        Forecast forecast;
        try {
            report = coverage.coverageOf(code, asOf);
            CoverageService.Outlook outlook = coverage.outlook(code, asOf);
            trend = outlook.trend();
            forecast = outlook.forecast();
        } catch (RefusedException e) {
            refuse(message(e));
            return;
        }
        unitCode = report.unit().code();
        render(report, trend, forecast);
    }

    private void refuse(String message) {
        problem.setText(message);
        problem.setVisible(true);
        Anchor back = new Anchor("coverage", getTranslation("coverage.back-to-mine"));
        content.add(back);
    }

    private String message(RefusedException e) {
        Object[] args = Arrays.stream(e.args()).map(a -> a instanceof LocalDate d ? LocalDates.format(this, d) : a).toArray();
        return getTranslation(e.messageKey(), args);
    }

    private void render(CoverageReport r, List<CoverageService.TrendPoint> trend, Forecast forecast) {
        milestone = r.milestone();
        H2 title = new H2(r.unit().name());
        title.addClassName("coverage-unit");
        if (dateListener != null) {
            dateListener.remove();
        }
        date.setValue(r.asOf());
        date.setMin(r.rule().windowFrom());
        date.setMax(r.rule().windowTo());
        dateListener = date.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                go(unitCode, e.getValue());
            }
        });
        Div toolbar = new Div(date, link("coverage.why-behind", "coverage/" + r.unit().code() + "/behind?date=" + r.asOf()));
        if (admin) {
            toolbar.add(new Anchor("coverage/settings", getTranslation("coverage.settings.title")));
        }
        toolbar.addClassName("toolbar");
        downloads.ifPresent(d -> toolbar.add(download(d, r.unit().code(), r.asOf(), CoverageDownloads.Format.PDF),
                download(d, r.unit().code(), r.asOf(), CoverageDownloads.Format.XLSX)));
        content.add(title, toolbar, headline(r), forecast(forecast));

        H3 trendTitle = new H3(getTranslation("coverage.trend"));
        // Wrapped in a div: the browser then parses the SVG as SVG (namespace and intrinsic size).
        Html chart = new Html("<div class=\"coverage-chart-svg\">" + CoverageCharts.trend(trend, r.milestone(),
                getTranslation("coverage.chart.milestone", percent(r.milestone())), r.rule().targetPercent(),
                getTranslation("coverage.chart.target", percent(r.rule().targetPercent())), getTranslation("coverage.percent"))
                + "</div>");
        Div chartBox = new Div(chart);
        chartBox.addClassName("coverage-chart");
        chartBox.getElement().setAttribute("role", "img");
        chartBox.getElement().setAttribute("aria-label", getTranslation("coverage.chart.label",
                percent(trend.isEmpty() ? BigDecimal.ZERO : trend.getLast().figures().percent())));
        content.add(trendTitle, chartBox);

        content.add(new H3(getTranslation("coverage.units")));
        TreeData<UnitFigures> data = new TreeData<>();
        for (UnitFigures u : r.tree()) {
            UnitFigures parent = u.depth() == 0 ? null
                    : r.tree().stream().filter(p -> u.parentId() != null && p.unit().id() == u.parentId()).findFirst().orElse(null);
            if (u.depth() == 0 || parent != null) {
                data.addItem(parent, u);
            }
        }
        units.setDataProvider(new TreeDataProvider<>(data));
        units.expand(r.tree().stream().filter(u -> u.depth() == 0).toList());
        content.add(units);

        content.add(breakdowns(r));
    }

    private Component headline(CoverageReport r) {
        Div figures = new Div(
                figure(getTranslation("coverage.population"), number(r.figures().population())),
                figure(getTranslation("coverage.trained"), number(r.figures().trained())),
                figure(getTranslation("coverage.percent"), percent(r.figures().percent())),
                figure(getTranslation("coverage.status"), status(r.onTrack())));
        figures.addClassName("coverage-figures");
        Paragraph gaps = new Paragraph(getTranslation("coverage.gaps",
                percent(r.milestone()), number(r.neededForMilestone()), percent(r.figures().gapTo(r.milestone())),
                percent(r.rule().targetPercent()), number(r.neededForTarget()), percent(r.figures().gapTo(r.rule().targetPercent())),
                String.valueOf(r.asOf().getYear())));
        gaps.addClassName("coverage-gaps");
        return new Div(figures, gaps);
    }

    private Component forecast(Forecast f) {
        String milestone = when(f, f.milestoneMonth());
        String target = when(f, f.targetMonth());
        Paragraph p = new Paragraph(getTranslation("coverage.forecast", NumberFormat.getNumberInstance(getLocale()).format(
                Math.round(f.pacePerMonth() * 10) / 10.0), percent(f.milestone()), milestone, percent(f.target()), target));
        p.addClassName("coverage-forecast");
        return p;
    }

    /** "already reached" (the month of the date itself), "reached in 3/2027", or "not by 2030". */
    private String when(Forecast f, Optional<YearMonth> month) {
        if (month.isEmpty()) {
            return getTranslation("coverage.forecast.not-by", String.valueOf(f.windowTo().getYear()));
        }
        return month.get().equals(YearMonth.from(f.asOf())) ? getTranslation("coverage.forecast.reached")
                : getTranslation("coverage.forecast.in", month(month.get()));
    }

    private String month(YearMonth m) {
        return getTranslation("coverage.month", m.getMonthValue(), String.valueOf(m.getYear()));
    }

    private Component figure(String label, Object value) {
        Span l = new Span(label);
        l.addClassName("figure-label");
        Component v = value instanceof Component c ? c : new Span(String.valueOf(value));
        if (v instanceof Span s && !(value instanceof Component)) {
            s.addClassName("figure-value");
        }
        Div box = new Div(l, v);
        box.addClassName("coverage-figure");
        return box;
    }

    /** On track or behind this year's milestone: by colour and by word. */
    Span status(boolean onTrack) {
        Span s = new Span(getTranslation(onTrack ? "coverage.status.on-track" : "coverage.status.behind"));
        s.addClassNames("coverage-status", onTrack ? "on-track" : "behind");
        return s;
    }

    private void unitGrid() {
        units.addClassName("coverage-units");
        units.addComponentHierarchyColumn(u -> {
                    Anchor a = new Anchor("coverage/" + u.unit().code() + "?date=" + date.getValue(), u.unit().name());
                    a.addClassName("coverage-unit-link");
                    return a;
                }).setHeader(getTranslation("coverage.unit")).setKey("unit").setFlexGrow(3)
                .setComparator(byName()).setSortable(true);
        countsColumn = units.addColumn(u -> number(u.figures().trained()) + " / " + number(u.figures().population()))
                .setHeader(getTranslation("coverage.trained-of")).setKey("counts").setTextAlign(ColumnTextAlign.END)
                .setComparator(Comparator.comparingLong((UnitFigures u) -> u.figures().population())).setSortable(true)
                .setWidth("13rem").setFlexGrow(0);
        units.addColumn(u -> percent(u.figures().percent())).setHeader("%").setKey("percent")
                .setTextAlign(ColumnTextAlign.END).setComparator(Comparator.comparing((UnitFigures u) -> u.figures().percent()))
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        units.addComponentColumn(u -> u.figures().population() == 0 ? new Span("–") : status(u.figures().reaches(milestone)))
                .setHeader(getTranslation("coverage.status")).setKey("status")
                .setComparator(Comparator.comparing((UnitFigures u) -> u.figures().percent())).setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        units.setAllRowsVisible(true);
        addAttachListener(attach -> attach.getUI().getPage().retrieveExtendedClientDetails(
                details -> countsColumn.setVisible(details.getWindowInnerWidth() >= 600)));
    }

    private Component breakdowns(CoverageReport r) {
        Div all = new Div();
        all.addClassName("coverage-breakdowns");
        CoverageService.Breakdowns b = r.breakdowns();
        all.add(bars("coverage.by-sex", b.bySex().entrySet().stream()
                .map(e -> Map.entry(getTranslation("people.sex." + e.getKey()), e.getValue())).toList()));
        all.add(bars("coverage.by-category", b.byCategory().entrySet().stream()
                .map(e -> Map.entry(getTranslation(e.getKey().translationKey()), e.getValue())).toList()));
        all.add(bars("coverage.by-unit-type", b.byUnitType().entrySet().stream()
                .map(e -> Map.entry(getTranslation(e.getKey().translationKey()), e.getValue())).toList()));
        List<Map.Entry<String, Figures>> children = new java.util.ArrayList<>(b.byChild().stream()
                .sorted(byName())
                .map(u -> Map.entry(u.unit().name(), u.figures())).toList());
        if (b.directlyInUnit().population() > 0) {
            children.add(Map.entry(getTranslation("coverage.directly-in-unit"), b.directlyInUnit()));
        }
        if (!children.isEmpty()) {
            all.add(bars("coverage.by-child", children));
        }
        all.add(groupBars(r));
        return all;
    }

    private Component bars(String titleKey, List<Map.Entry<String, Figures>> rows) {
        Div section = new Div(new H3(getTranslation(titleKey)));
        section.addClassName("coverage-bars");
        for (var row : rows) {
            section.add(bar(row.getKey(), row.getValue().percent(),
                    number(row.getValue().trained()) + " / " + number(row.getValue().population()) + " · "
                            + percent(row.getValue().percent())));
        }
        return section;
    }

    /** Who has which of the required groups: all, some (named), none. */
    private Component groupBars(CoverageReport r) {
        Map<String, ProgrammeSettings.Group> groups = coverage.groups();
        Div section = new Div(new H3(getTranslation("coverage.by-groups")));
        section.addClassName("coverage-bars");
        long population = r.figures().population();
        var sorted = r.breakdowns().byGroups().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getKey().split(",").length)
                        .thenComparing(Map.Entry::getKey)).toList();
        for (var e : sorted) {
            List<String> codes = e.getKey().isEmpty() ? List.of() : List.of(e.getKey().split(","));
            String label;
            if (codes.isEmpty()) {
                label = getTranslation("coverage.groups.none");
            } else if (codes.size() == r.rule().requiredGroups().size()) {
                label = getTranslation("coverage.groups.all");
            } else {
                label = getTranslation("coverage.groups.only", codes.stream()
                        .map(c -> groupLabel(c, groups)).collect(Collectors.joining(", ")));
            }
            BigDecimal share = CoverageService.percentOf(e.getValue(), population);
            section.add(bar(label, share, number(e.getValue()) + " · " + percent(share)));
        }
        return section;
    }

    private String groupLabel(String code, Map<String, ProgrammeSettings.Group> groups) {
        String label = getTranslation("coverage.group." + code);
        return !label.startsWith("!") ? label : groups.containsKey(code) ? groups.get(code).name(getLocale()) : code;
    }

    private Comparator<UnitFigures> byName() {
        java.text.Collator collator = java.text.Collator.getInstance(getLocale());
        return Comparator.comparing((UnitFigures u) -> u.unit().name(), collator);
    }

    private Component bar(String label, BigDecimal percent, String value) {
        Span name = new Span(label);
        name.addClassName("bar-label");
        Div fill = new Div();
        fill.addClassName("bar-fill");
        fill.getStyle().set("width", percent.min(BigDecimal.valueOf(100)).toPlainString() + "%");
        Div track = new Div(fill);
        track.addClassName("bar-track");
        Span text = new Span(value);
        text.addClassName("bar-value");
        Div row = new Div(name, track, text);
        row.addClassName("bar-row");
        return row;
    }

    /** The figures of this unit and day as a file for a meeting (PDF or XLSX), made when clicked. */
    private Anchor download(CoverageDownloads d, String code, LocalDate day, CoverageDownloads.Format format) {
        com.vaadin.flow.server.streams.DownloadHandler handler = event -> {
            CoverageDownloads.File file = d.coverageOfDay(code, day, format);
            event.setFileName(file.name());
            event.setContentType(file.mimeType());
            event.getOutputStream().write(file.bytes());
        };
        Anchor a = new Anchor(handler, getTranslation("coverage.download." + format.name().toLowerCase()));
        a.addClassNames("coverage-link", "coverage-download-" + format.name().toLowerCase());
        return a;
    }

    private Anchor link(String key, String href) {
        Anchor a = new Anchor(href, getTranslation(key));
        a.addClassName("coverage-link");
        return a;
    }

    private void go(String code, LocalDate d) {
        getUI().ifPresent(ui -> ui.navigate("coverage/" + code, com.vaadin.flow.router.QueryParameters.of("date", d.toString())));
    }

    String number(long n) {
        return NumberFormat.getIntegerInstance(getLocale()).format(n);
    }

    String percent(BigDecimal p) {
        NumberFormat f = NumberFormat.getNumberInstance(getLocale());
        f.setMaximumFractionDigits(1);
        return f.format(p) + "%";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("coverage.title");
    }
}
