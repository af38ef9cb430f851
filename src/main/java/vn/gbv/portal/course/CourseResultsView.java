package vn.gbv.portal.course;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.Optional;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.course.CourseResultsQueries.Filter;
import vn.gbv.portal.course.CourseResultsQueries.Option;
import vn.gbv.portal.course.CourseResultsQueries.Period;
import vn.gbv.portal.course.CourseResultsQueries.QuestionStat;
import vn.gbv.portal.course.CourseResultsService.Results;
import vn.gbv.portal.security.Role;

/**
 * A course's results for its trainers: learners enrolled, in progress and completed, the final
 * quiz's pass rate and average score, and per question the share answering right and the
 * discrimination index, the questions that most need work first. Filter by unit and period.
 */
@Route("authoring/results")
@RolesAllowed({Role.Names.TRAINER, Role.Names.ADMIN})
@StyleSheet("styles/authoring.css")
class CourseResultsView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final CourseResultsService results;
    private String code;
    final ComboBox<Option> unit = new ComboBox<>();
    final Select<Optional<Period>> period = new Select<>();
    final Div summary = new Div();
    final Grid<QuestionStat> questions = new Grid<>();
    final Paragraph message = new Paragraph();

    CourseResultsView(CourseResultsService results) {
        this.results = results;
        addClassNames("page", "authoring-results");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        code = parameter;
        removeAll();
        Button back = new Button(getTranslation("authoring.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> UI.getCurrent().navigate(AuthoringView.class));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(back, new H2(getTranslation("authoring.results.title", code)));

        unit.setId("results-unit");
        unit.setLabel(getTranslation("authoring.results.unit"));
        unit.setItems(results.units());
        unit.setItemLabelGenerator(Option::name);
        unit.setClearButtonVisible(true);
        unit.setPlaceholder(getTranslation("authoring.results.all-units"));
        period.setId("results-period");
        period.setLabel(getTranslation("authoring.results.period"));
        java.util.List<Optional<Period>> periods = new java.util.ArrayList<>();
        periods.add(Optional.empty());
        results.periods().forEach(p -> periods.add(Optional.of(p)));
        period.setItems(periods);
        period.setItemLabelGenerator(p -> p.map(Period::name).orElse(getTranslation("authoring.results.all-time")));
        period.setValue(Optional.empty());
        unit.addValueChangeListener(e -> refresh());
        period.addValueChangeListener(e -> refresh());
        Div filters = new Div(unit, period);
        filters.addClassName("toolbar");
        summary.setId("results-summary");
        summary.addClassName("results-summary");
        message.setId("results-message");

        questions.setId("results-questions");
        questions.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        questions.addColumn(q -> CourseResultsService.needsWork(q) ? getTranslation("authoring.results.needs-work") : "")
                .setHeader(getTranslation("authoring.results.flag")).setAutoWidth(true).setFlexGrow(0);
        questions.addColumn(q -> (q.quiz().isEmpty() ? getTranslation("authoring.results.final") : q.quiz())
                        + " · " + q.key())
                .setHeader(getTranslation("authoring.results.question")).setWidth("10rem");
        questions.addColumn(QuestionStat::text).setHeader(getTranslation("authoring.quiz.text")).setFlexGrow(3)
                .setWidth("16rem");
        questions.addColumn(QuestionStat::answered).setHeader(getTranslation("authoring.results.answered"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        questions.addColumn(q -> percent(q.shareRight())).setHeader(getTranslation("authoring.results.share-right"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        questions.addColumn(q -> q.discrimination() == null ? "–" : decimal(q.discrimination()))
                .setHeader(getTranslation("authoring.results.discrimination"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        questions.setAllRowsVisible(true);
        questions.setEmptyStateText(getTranslation("authoring.results.no-attempts"));
        add(filters, message, summary,
                new Paragraph(getTranslation("authoring.results.help", Math.round(CourseResultsQueries.GROUP_SHARE * 100))),
                questions);
        refresh();
    }

    void refresh() {
        Filter filter = new Filter(unit.getValue() == null ? null : unit.getValue().id(),
                period.getValue() == null ? null : period.getValue().map(Period::startsOn).orElse(null),
                period.getValue() == null ? null : period.getValue().map(Period::endsOn).orElse(null));
        try {
            Results r = results.results(code, filter);
            message.setText("");
            summary.removeAll();
            var s = r.summary();
            summary.add(figure("authoring.results.enrolled", String.valueOf(s.enrolled())),
                    figure("authoring.results.in-progress", String.valueOf(s.inProgress())),
                    figure("authoring.results.completed", String.valueOf(s.completed())),
                    figure("authoring.results.pass-rate", s.passRate() == null ? "–" : percent(s.passRate())),
                    figure("authoring.results.average", s.averageScore() == null ? "–"
                            : decimal(s.averageScore()) + " %"));
            questions.setItems(r.questions());
        } catch (RefusedException e) {
            message.setText(getTranslation(e.messageKey(), e.args()));
            summary.removeAll();
            questions.setItems(java.util.List.of());
        }
    }

    private Div figure(String key, String value) {
        Span number = new Span(value);
        number.addClassName("results-figure");
        Div box = new Div(number, new Span(getTranslation(key)));
        box.addClassName("results-box");
        box.getElement().setAttribute("data-figure", key.substring(key.lastIndexOf('.') + 1));
        return box;
    }

    private String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance(getLocale());
        f.setMaximumFractionDigits(0);
        return f.format(share);
    }

    private String decimal(double value) {
        NumberFormat f = NumberFormat.getNumberInstance(getLocale());
        f.setMaximumFractionDigits(2);
        f.setMinimumFractionDigits(2);
        return f.format(value);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("authoring.results.title", code == null ? "" : code);
    }
}
