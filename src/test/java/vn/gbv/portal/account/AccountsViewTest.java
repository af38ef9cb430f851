package vn.gbv.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.security.Role;

/** An administrator creates an account through the dialog and hands over the temporary password. */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
@WithMockUser(username = "t-admin", roles = "ADMIN")
class AccountsViewTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void noLeftoverAccount() {
        jdbc.update("delete from user_role where user_id in (select id from app_user where username = 'x-moi')");
        jdbc.update("delete from app_user where username = 'x-moi'");
    }

    private TextField field(String label) {
        return $(TextField.class).all().stream().filter(f -> label.equals(f.getLabel())).findFirst().orElseThrow();
    }

    private Button button(String text) {
        return $(Button.class).all().stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private void chooseRole(Role role) {
        CheckboxGroup<Role> roles = $(CheckboxGroup.class).first();
        test(roles).selectItem(roles.getItemLabelGenerator().apply(role));
    }

    @Test
    void administratorCreatesAnAccountAndSeesItsTemporaryPasswordOnce() {
        AccountsView view = navigate(AccountsView.class);
        test(view.create).click();
        test(field("Tên đăng nhập")).setValue("x-moi");
        test(field("Họ và tên hiển thị")).setValue("Người Dùng Mới");
        chooseRole(Role.LEARNER);
        test(button("Lưu")).click();

        Dialog issued = $(Dialog.class).all().stream()
                .filter(d -> "Mật khẩu tạm thời".equals(d.getHeaderTitle())).findFirst().orElseThrow();
        String password = $(Span.class, issued).all().stream().filter(s -> s.hasClassName("issued-password"))
                .findFirst().orElseThrow().getText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(jdbc.queryForObject("select must_change_password from app_user where username = 'x-moi'", Boolean.class))
                .isTrue();
    }

    @Test
    void aTakenUsernameIsRefusedOnTheField() {
        AccountsView view = navigate(AccountsView.class);
        test(view.create).click();
        test(field("Tên đăng nhập")).setValue("t-learner");
        test(field("Họ và tên hiển thị")).setValue("Trùng tên");
        chooseRole(Role.LEARNER);
        test(button("Lưu")).click();

        TextField username = field("Tên đăng nhập");
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("Tên đăng nhập này đã được dùng.");
    }
}
