package vn.gbv.portal.learning;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Map;
import vn.gbv.portal.learning.ProgressService.Step;
import vn.gbv.portal.learning.ProgressService.StepKind;

/** Where a step of a course lives: a lesson page or a quiz page. */
final class Steps {

    private Steps() {
    }

    static Class<? extends Component> view(Step step) {
        return step.kind() == StepKind.LESSON ? LessonView.class : QuizView.class;
    }

    static RouteParameters parameters(String courseCode, Step step) {
        return step.kind() == StepKind.LESSON
                ? new RouteParameters(Map.of("code", courseCode, "lessonId", String.valueOf(step.id())))
                : new RouteParameters(Map.of("code", courseCode, "quizId", String.valueOf(step.id())));
    }

    static RouterLink link(String text, String courseCode, Step step) {
        return new RouterLink(text, view(step), parameters(courseCode, step));
    }

    static void go(Component from, String courseCode, Step step) {
        from.getUI().ifPresent(ui -> ui.navigate(view(step), parameters(courseCode, step)));
    }

    static RouteParameters course(String courseCode) {
        return new RouteParameters("code", courseCode);
    }
}
