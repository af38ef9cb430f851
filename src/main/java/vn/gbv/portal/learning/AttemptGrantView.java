package vn.gbv.portal.learning;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.learning.QuizService.LearnerMatch;
import vn.gbv.portal.learning.QuizService.QuizUse;
import vn.gbv.portal.security.Role;

/**
 * For trainers: a learner who has used every attempt at a quiz asks for more; the trainer finds
 * them, picks the quiz and grants a number of attempts with a reason, which is recorded.
 */
@Route("quiz-attempts")
@RolesAllowed({Role.Names.TRAINER, Role.Names.ADMIN})
class AttemptGrantView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.systemDefault());
    private final QuizService quizzes;
    final TextField search = new TextField();
    final Grid<LearnerMatch> learners = new Grid<>();
    final Grid<QuizUse> quizGrid = new Grid<>();
    final IntegerField extra = new IntegerField();
    final TextArea reason = new TextArea();
    final Button grant = new Button();
    private final H3 quizzesTitle = new H3();
    private final Paragraph empty = new Paragraph();
    private final UnorderedList history = new UnorderedList();
    private final Div form = new Div();

    AttemptGrantView(QuizService quizzes) {
        this.quizzes = quizzes;
        addClassNames("page", "attempt-grant-view");
        add(new H2(getTranslation("learning.grant.title")), new Paragraph(getTranslation("learning.grant.intro")));

        search.setLabel(getTranslation("learning.grant.search"));
        search.setPlaceholder(getTranslation("learning.grant.search-placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.addValueChangeListener(e -> findLearners());
        learners.addColumn(LearnerMatch::fullName).setHeader(getTranslation("learning.grant.name")).setFlexGrow(2);
        learners.addColumn(LearnerMatch::username).setHeader(getTranslation("learning.grant.username"));
        learners.addThemeVariants(GridVariant.LUMO_COMPACT);
        learners.setAllRowsVisible(true);
        learners.setVisible(false);
        learners.addSelectionListener(e -> showQuizzes());

        quizGrid.addColumn(QuizUse::courseTitle).setHeader(getTranslation("learning.grant.course")).setFlexGrow(2);
        quizGrid.addColumn(QuizUse::quizTitle).setHeader(getTranslation("learning.grant.quiz")).setFlexGrow(2);
        quizGrid.addColumn(q -> getTranslation("learning.grant.used-value", q.used(), q.maxAttempts() + q.granted()))
                .setHeader(getTranslation("learning.grant.used"));
        quizGrid.addColumn(q -> getTranslation(q.passed() ? "learning.grant.passed" : "learning.grant.not-passed"))
                .setHeader(getTranslation("learning.grant.state"));
        quizGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        quizGrid.setAllRowsVisible(true);
        quizGrid.addSelectionListener(e -> showForm());

        extra.setLabel(getTranslation("learning.grant.extra"));
        extra.setMin(1);
        extra.setMax(10);
        extra.setStepButtonsVisible(true);
        extra.setValue(1);
        reason.setLabel(getTranslation("learning.grant.reason"));
        reason.setMaxLength(1000);
        reason.setWidthFull();
        grant.setText(getTranslation("learning.grant.submit"));
        grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grant.addClickListener(e -> grant());
        form.add(extra, reason, grant, history);
        form.addClassName("grant-form");

        add(search, learners, quizzesTitle, empty, quizGrid, form);
        showQuizzes();
    }

    private void findLearners() {
        var found = quizzes.findLearners(search.getValue());
        learners.setItems(found);
        learners.setVisible(!found.isEmpty());
        empty.setText(found.isEmpty() && search.getValue().trim().length() >= 2 ? getTranslation("learning.grant.no-learner") : "");
        showQuizzes();
    }

    private void showQuizzes() {
        var learner = learners.asSingleSelect().getValue();
        quizzesTitle.setVisible(learner != null);
        quizGrid.setVisible(learner != null);
        if (learner == null) {
            form.setVisible(false);
            return;
        }
        quizzesTitle.setText(getTranslation("learning.grant.quizzes", learner.fullName()));
        var uses = quizzes.limitedQuizzesOf(learner.personId());
        quizGrid.setItems(uses);
        empty.setText(uses.isEmpty() ? getTranslation("learning.grant.no-quizzes") : "");
        showForm();
    }

    private void showForm() {
        var learner = learners.asSingleSelect().getValue();
        var quiz = quizGrid.asSingleSelect().getValue();
        form.setVisible(learner != null && quiz != null);
        history.removeAll();
        if (learner != null && quiz != null) {
            quizzes.grants(learner.personId(), quiz.quizId()).forEach(g -> history.add(new ListItem(getTranslation(
                    "learning.grant.history", g.extra(), g.grantedBy(), WHEN.format(g.grantedAt()), g.reason()))));
        }
    }

    private void grant() {
        var learner = learners.asSingleSelect().getValue();
        var quiz = quizGrid.asSingleSelect().getValue();
        if (learner == null || quiz == null) {
            return;
        }
        extra.setInvalid(false);
        reason.setInvalid(false);
        try {
            int n = extra.getValue() == null ? 0 : extra.getValue();
            quizzes.grantAttempts(learner.personId(), quiz.quizId(), n, reason.getValue());
            Notification.show(getTranslation("learning.grant.done", n, learner.fullName(), quiz.quizTitle()), 5000,
                    Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            reason.clear();
            extra.setValue(1);
            long selected = quiz.quizId();
            var uses = quizzes.limitedQuizzesOf(learner.personId());
            quizGrid.setItems(uses);
            uses.stream().filter(u -> u.quizId() == selected).findFirst().ifPresent(quizGrid::select);
            showForm();
        } catch (RefusedException refused) {
            String message = getTranslation(refused.messageKey(), refused.args());
            if (refused.field().filter("extra"::equals).isPresent()) {
                extra.setErrorMessage(message);
                extra.setInvalid(true);
            } else if (refused.field().filter("reason"::equals).isPresent()) {
                reason.setErrorMessage(message);
                reason.setInvalid(true);
            } else {
                Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("learning.grant.title");
    }
}
