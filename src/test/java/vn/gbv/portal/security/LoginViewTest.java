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

/** The login page speaks Vietnamese; it never tells whether an account exists, but says when the database is down. */
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
    void everyRefusalOfAnAccountReadsTheSameAndNamesTheLock() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        LoginForm form = $(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(view().shown.getErrorMessage().getMessage()).isEqualTo(
                "Tên đăng nhập hoặc mật khẩu không đúng. Sau 5 lần nhập sai liên tiếp, tài khoản bị khóa trong 15 phút.");
    }

    @Test
    void aRefusedAddressAndADatabaseOutageHaveTheirOwnMessages() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("refused", "")));
        assertThat(view().shown.getErrorMessage().getMessage())
                .isEqualTo("Có quá nhiều lần đăng nhập sai từ máy hoặc mạng này. Vui lòng thử lại sau 15 phút.");

        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("unavailable", "")));
        assertThat(view().shown.getErrorMessage().getMessage()).startsWith("Không kết nối được cơ sở dữ liệu");
        assertThat($(LoginForm.class).single().isError()).isTrue();
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
