package vn.gbv.portal.learning;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import vn.gbv.portal.learning.ProgressService.LessonPage;
import vn.gbv.portal.learning.ProgressService.Step;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.Role;

/**
 * The lesson player, made for a phone: the lesson, a table of contents, previous and next.
 * Opening a lesson saves it as the place to resume; "next" marks it read on the server.
 */
@Route("learn/:code/lesson/:lessonId")
@RolesAllowed({Role.Names.LEARNER, Role.Names.TRAINER})
class LessonView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final ProgressService learning;
    private String title = "";
    // New buttons on every lesson: Vaadin reuses this view from lesson to lesson, and a reused
    // button would keep the click listeners of the lessons before.
    Button next;
    Button previous;

    LessonView(ProgressService learning) {
        this.learning = learning;
        addClassNames("page", "lesson-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElseThrow(NotFoundException::new);
        long lessonId = event.getRouteParameters().getLong("lessonId").orElseThrow(NotFoundException::new);
        LessonPage page;
        try {
            page = learning.openLesson(code, lessonId);
        } catch (RefusedException e) {
            throw new NotFoundException(getTranslation(e.messageKey(), e.args()));
        }
        removeAll();
        title = page.lesson().title();

        RouterLink course = new RouterLink(page.outline().title(), CourseView.class, Steps.course(code));
        course.addClassName("lesson-course");
        Span position = new Span(getTranslation("learning.lesson.position", page.index() + 1, page.steps().size()));
        position.addClassName("muted");
        ProgressBar bar = new ProgressBar(0, page.steps().size(), page.index() + 1);
        bar.getElement().setAttribute("aria-label", position.getText());
        add(new Div(course, position), bar, toc(code, page));

        H1 heading = new H1(title);
        heading.addClassName("lesson-title");
        Article content = new Article();
        content.addClassName("lesson-content");
        content.getElement().setProperty("innerHTML", page.lesson().html());
        add(heading, content);

        previous = new Button(getTranslation("learning.lesson.previous"));
        previous.setIcon(VaadinIcon.ARROW_LEFT.create());
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        page.previous().ifPresentOrElse(step -> previous.addClickListener(e -> Steps.go(this, code, step)),
                () -> previous.setEnabled(false));

        next = new Button(getTranslation(page.next().isPresent() ? "learning.lesson.done-next" : "learning.lesson.done-finish"));
        next.setIcon(VaadinIcon.ARROW_RIGHT.create());
        next.setIconAfterText(true);
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(e -> {
            var completion = learning.markLessonDone(code, lessonId);
            completion.ifPresent(c -> Notification.show(getTranslation("learning.completed", c.courseTitle()), 6000,
                    Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS));
            page.next().ifPresentOrElse(step -> Steps.go(this, code, step),
                    () -> getUI().ifPresent(ui -> ui.navigate(CourseView.class, Steps.course(code))));
        });
        Div nav = new Div(previous, next);
        nav.addClassName("lesson-nav");
        add(nav);
    }

    private Details toc(String code, LessonPage page) {
        OrderedList list = new OrderedList();
        list.addClassName("toc");
        for (int i = 0; i < page.steps().size(); i++) {
            Step step = page.steps().get(i);
            ListItem item = new ListItem();
            item.addClassName(step.done() ? "toc-done" : "toc-todo");
            if (i == page.index()) {
                item.addClassName("toc-current");
                item.getElement().setAttribute("aria-current", "step");
            }
            if (step.done()) {
                var check = VaadinIcon.CHECK.create();
                check.getElement().setAttribute("aria-label", getTranslation("learning.done"));
                item.add(check);
            }
            item.add(Steps.link(step.title(), code, step));
            list.add(item);
        }
        Details details = new Details(getTranslation("learning.lesson.contents"), list);
        details.addClassName("lesson-toc");
        return details;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
