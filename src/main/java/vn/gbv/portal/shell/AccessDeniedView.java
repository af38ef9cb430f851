package vn.gbv.portal.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/** Shown when a service refuses data outside the caller's role or unit scope. */
@PermitAll
public class AccessDeniedView extends Main implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        addClassName("page");
        add(new H2(getTranslation("error.forbidden.title")), new Paragraph(getTranslation("error.forbidden.text")),
                new Anchor("", getTranslation("error.back-home")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
