package vn.gbv.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The login page speaks Vietnamese and tells a wrong password from a locked or disabled account. */
@SpringBootTest
class LoginViewTest extends SpringBrowserlessTest {

    private LoginView view() {
        return (LoginView) getCurrentView();
    }

    @Test
    void anonymousVisitorsAreSentToTheVietnameseLoginForm() {
        UI.getCurrent().navigate("my-learning");
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        LoginForm form = $(LoginForm.class).single();
        assertThat(view().shown.getForm().getUsername()).isEqualTo("Tên đăng nhập");
        assertThat(view().shown.getForm().getPassword()).isEqualTo("Mật khẩu");
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();
    }

    @Test
    void failedLoginsExplainWhy() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        LoginForm form = $(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(view().shown.getErrorMessage().getMessage()).startsWith("Tên đăng nhập hoặc mật khẩu không đúng");

        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("locked", "")));
        assertThat(view().shown.getErrorMessage().getMessage()).contains("tạm bị khóa");

        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("disabled", "")));
        assertThat(view().shown.getErrorMessage().getMessage()).contains("vô hiệu hóa");
    }

    @Test
    void theLoginPageOffersEnglish() {
        UI.getCurrent().navigate("login");
        Button english = $(Button.class).all().stream().filter(b -> b.getText().equals("English")).findFirst().orElseThrow();
        assertThat(english.getElement().getAttribute("lang")).isEqualTo("en");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("account/password");
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        assertThat(view().shown.getForm().getUsername()).isEqualTo("Username");
    }
}
