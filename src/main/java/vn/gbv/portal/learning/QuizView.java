package vn.gbv.portal.learning;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.component.AbstractField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.learning.ProgressService.Step;
import vn.gbv.portal.learning.QuizService.QuestionFeedback;
import vn.gbv.portal.learning.QuizService.QuizInfo;
import vn.gbv.portal.learning.QuizService.QuizResult;
import vn.gbv.portal.learning.QuizService.QuizSheet;
import vn.gbv.portal.learning.QuizService.SheetOption;
import vn.gbv.portal.learning.QuizService.SheetQuestion;
import vn.gbv.portal.security.Role;

/**
 * A quiz: what it asks and the attempt history; then the answer sheet (every answer saved as it
 * is given); then the score. Scoring happens on the server; the sheet the browser gets holds no
 * right answer, and after a failed attempt with attempts left neither does the result: it says
 * which questions were wrong, and the answers with explanations come after a pass or the last attempt.
 */
@Route("learn/:code/quiz/:quizId")
@RolesAllowed({Role.Names.LEARNER, Role.Names.TRAINER})
class QuizView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.systemDefault());
    private final QuizService quizzes;
    private final ProgressService progress;
    private final CompletionService completions;
    private String code;
    private long quizId;
    private String title = "";
    // New buttons each time a state is shown, so that no click listener of an earlier state survives
    Button start;
    Button submit;
    final List<Div> questionCards = new ArrayList<>();
    /** The answer fields of the sheet shown, to count the questions left blank. */
    private final List<AbstractField<?, ?>> answerFields = new ArrayList<>();
    /** Asks before a submission with unanswered questions; null while none is asked. */
    ConfirmDialog confirmBlank;

    QuizView(QuizService quizzes, ProgressService progress, CompletionService completions) {
        this.quizzes = quizzes;
        this.progress = progress;
        this.completions = completions;
        addClassNames("page", "quiz-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get("code").orElseThrow(NotFoundException::new);
        quizId = event.getRouteParameters().getLong("quizId").orElseThrow(NotFoundException::new);
        try {
            QuizInfo info = quizzes.quizInfo(code, quizId);
            title = info.title();
            if (info.openAttempt()) {
                showSheet(quizzes.sheet(code, quizId));
            } else {
                showIntro(info);
            }
        } catch (RefusedException e) {
            throw new NotFoundException(getTranslation(e.messageKey(), e.args()));
        }
    }

    private void header() {
        removeAll();
        questionCards.clear();
        answerFields.clear();
        RouterLink course = new RouterLink(getTranslation("learning.quiz.back-to-course"), CourseView.class, Steps.course(code));
        add(course, new H2(title));
    }

    private void showIntro(QuizInfo info) {
        header();
        add(new Paragraph(getTranslation("learning.quiz.rules", info.drawCount(), info.passPercent())));
        add(new Paragraph(info.maxAttempts() == 0 ? getTranslation("learning.quiz.unlimited")
                : getTranslation("learning.quiz.attempts-left", info.attemptsLeft(), info.allowedAttempts())));
        if (info.passed()) {
            Div banner = new Div(VaadinIcon.CHECK_CIRCLE.create(), new Span(getTranslation("learning.quiz.already-passed")));
            banner.addClassName("success-banner");
            add(banner);
        }
        start = new Button(getTranslation(info.attempts().isEmpty() ? "learning.quiz.start" : "learning.quiz.retake"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        start.setEnabled(info.canStart());
        start.addClickListener(e -> run(() -> showSheet(quizzes.sheet(code, quizId))));
        add(start);
        if (!info.canStart()) {
            add(new Paragraph(getTranslation("learning.quiz.no-attempts-left", info.allowedAttempts())));
        }
        if (!info.attempts().isEmpty()) {
            add(new H3(getTranslation("learning.quiz.history")));
            UnorderedList list = new UnorderedList();
            info.attempts().forEach(a -> list.add(new ListItem(getTranslation("learning.quiz.history-row", a.attemptNo(),
                    WHEN.format(a.submittedAt()), percent(a.scorePercent()),
                    getTranslation(a.passed() ? "learning.quiz.passed" : "learning.quiz.failed")))));
            add(list);
        }
    }

    private void showSheet(QuizSheet sheet) {
        header();
        Paragraph intro = new Paragraph(getTranslation("learning.quiz.sheet-intro", sheet.attemptNo(), sheet.questions().size(),
                sheet.passPercent()));
        intro.addClassName("muted");
        add(intro);
        int n = 0;
        for (SheetQuestion q : sheet.questions()) {
            n++;
            Div card = new Div();
            card.addClassNames("card", "question-card");
            Span number = new Span(getTranslation("learning.quiz.question-n", n, sheet.questions().size()));
            number.addClassName("muted");
            // The question is a paragraph of its own (a group label would be cut to one line on a phone)
            Paragraph text = new Paragraph(q.text());
            text.setId("question-" + q.id());
            text.addClassName("question-text");
            card.add(number, text);
            List<Long> saved = sheet.answers().getOrDefault(q.id(), List.of());
            if ("MULTIPLE".equals(q.type())) {
                CheckboxGroup<SheetOption> group = new CheckboxGroup<>();
                group.setAriaLabelledBy(text.getId().orElseThrow());
                group.setHelperText(getTranslation("learning.quiz.choose-all"));
                group.setItems(q.options());
                group.setItemLabelGenerator(this::label);
                group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
                group.setValue(q.options().stream().filter(o -> saved.contains(o.id())).collect(Collectors.toSet()));
                group.addValueChangeListener(e -> run(() -> quizzes.saveAnswer(sheet.attemptId(), q.id(),
                        e.getValue().stream().map(SheetOption::id).collect(Collectors.toSet()))));
                answerFields.add(group);
                card.add(group);
            } else {
                RadioButtonGroup<SheetOption> group = new RadioButtonGroup<>();
                group.setAriaLabelledBy(text.getId().orElseThrow());
                group.setItems(q.options());
                group.setItemLabelGenerator(this::label);
                group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                q.options().stream().filter(o -> saved.contains(o.id())).findFirst().ifPresent(group::setValue);
                group.addValueChangeListener(e -> run(() -> quizzes.saveAnswer(sheet.attemptId(), q.id(),
                        e.getValue() == null ? Set.of() : Set.of(e.getValue().id()))));
                answerFields.add(group);
                card.add(group);
            }
            questionCards.add(card);
            add(card);
        }
        submit = new Button(getTranslation("learning.quiz.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        submit.addClickListener(e -> submitOrAsk(sheet.attemptId()));
        Paragraph saving = new Paragraph(getTranslation("learning.quiz.autosave"));
        saving.addClassName("muted");
        add(saving, submit);
    }

    /** Submits at once when every question is answered; else asks first how many are left blank. */
    private void submitOrAsk(long attemptId) {
        long blank = answerFields.stream().filter(AbstractField::isEmpty).count();
        if (blank == 0) {
            run(() -> showResult(quizzes.submit(attemptId)));
            return;
        }
        confirmBlank = new ConfirmDialog();
        confirmBlank.setHeader(getTranslation("learning.quiz.blank-title"));
        confirmBlank.setText(getTranslation("learning.quiz.blank-text", blank));
        confirmBlank.setCancelable(true);
        confirmBlank.setCancelText(getTranslation("learning.quiz.blank-continue"));
        confirmBlank.setConfirmText(getTranslation("learning.quiz.blank-submit"));
        confirmBlank.addConfirmListener(e -> {
            confirmBlank = null;
            run(() -> showResult(quizzes.submit(attemptId)));
        });
        ConfirmDialog asked = confirmBlank;
        confirmBlank.addCancelListener(e -> {
            confirmBlank = null;
            remove(asked);
        });
        add(confirmBlank);
        confirmBlank.open();
    }

    private void showResult(QuizResult result) {
        header();
        String key = result.passed() ? "learning.quiz.result-passed"
                : result.solutionsShown() ? "learning.quiz.result-failed-last" : "learning.quiz.result-failed-retry";
        Div banner = new Div(result.passed() ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.WARNING.create(),
                new Span(getTranslation(key, percent(result.scorePercent()), result.correct(), result.total(), result.passPercent())));
        banner.addClassName(result.passed() ? "success-banner" : "warning-banner");
        banner.getElement().setAttribute("role", "status");
        add(banner);
        if (!result.passed() && result.attemptsLeft() == 0) {
            add(new Paragraph(getTranslation("learning.quiz.ask-trainer")));
        }
        result.completion().ifPresent(c -> {
            Div done = new Div(VaadinIcon.ACADEMY_CAP.create(), new Span(getTranslation("learning.completed", c.courseTitle())));
            done.addClassName("success-banner");
            add(done);
            var rule = completions.trainedStatus();
            boolean english = getLocale().getLanguage().equals("en");
            add(new Paragraph(rule.trained() ? getTranslation("learning.rule.trained")
                    : getTranslation("learning.rule.still-need", rule.missing().stream()
                            .map(g -> english ? g.nameEn() : g.nameVi()).collect(Collectors.joining("; ")))));
            RouterLink mine = new RouterLink(getTranslation("learning.see-my-learning"), MyLearningView.class);
            add(mine);
        });
        int n = 0;
        for (QuestionFeedback f : result.feedback()) {
            n++;
            Div card = new Div();
            card.addClassNames("card", "question-card", f.right() ? "answer-right" : "answer-wrong");
            Span verdict = new Span(getTranslation(f.right() ? "learning.quiz.right" : "learning.quiz.wrong"));
            verdict.getElement().getThemeList().add(f.right() ? "badge success" : "badge error");
            card.add(new Div(new Span(getTranslation("learning.quiz.question-n", n, result.total()) + " "), verdict));
            card.add(new Paragraph(f.question().text()));
            UnorderedList options = new UnorderedList();
            for (SheetOption o : f.question().options()) {
                ListItem li = new ListItem(label(o));
                if (f.solution().map(s -> s.rightOptions().contains(o.id())).orElse(false)) {
                    li.addClassName("option-correct");
                    li.add(new Span(" — " + getTranslation("learning.quiz.correct-answer")));
                }
                if (f.chosen().contains(o.id())) {
                    li.addClassName("option-chosen");
                    li.add(new Span(" — " + getTranslation("learning.quiz.your-answer")));
                }
                options.add(li);
            }
            card.add(options);
            f.solution().ifPresent(s -> {
                Paragraph explanation = new Paragraph(s.explanation());
                explanation.addClassName("explanation");
                card.add(explanation);
            });
            add(card);
        }
        Div actions = new Div();
        actions.addClassName("lesson-nav");
        if (!result.passed() && result.attemptsLeft() > 0) {
            Button again = new Button(getTranslation("learning.quiz.retake"), e -> run(() -> showSheet(quizzes.sheet(code, quizId))));
            again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(again);
        }
        ProgressService.CoursePage page = progress.course(code);
        int here = indexOfQuiz(page.steps());
        if (result.passed() && here >= 0 && here + 1 < page.steps().size()) {
            Step next = page.steps().get(here + 1);
            Button go = new Button(getTranslation("learning.quiz.next-step"), VaadinIcon.ARROW_RIGHT.create(),
                    e -> Steps.go(this, code, next));
            go.setIconAfterText(true);
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(go);
        }
        Button back = new Button(getTranslation("learning.quiz.back-to-course"),
                e -> getUI().ifPresent(ui -> ui.navigate(CourseView.class, Steps.course(code))));
        actions.add(back);
        add(actions);
    }

    /** A true/false option in the learner's language; any other option as the course wrote it. */
    private String label(SheetOption option) {
        return option.labelKey() != null ? getTranslation(option.labelKey()) : option.text();
    }

    /** The unrounded score, cut (not rounded) to one decimal: 79.95% never reads as 80%. */
    private String percent(BigDecimal score) {
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.DOWN);
        return format.format(score);
    }

    private int indexOfQuiz(List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() == ProgressService.StepKind.QUIZ && steps.get(i).id() == quizId) {
                return i;
            }
        }
        return -1;
    }

    /** Runs a learner action; a refusal (no attempts left, attempt already submitted) is said in words. */
    private void run(Runnable action) {
        try {
            action.run();
        } catch (RefusedException e) {
            Notification.show(getTranslation(e.messageKey(), e.args()), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            showIntro(quizzes.quizInfo(code, quizId));
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
