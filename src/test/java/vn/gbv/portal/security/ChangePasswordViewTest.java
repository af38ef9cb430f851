package vn.gbv.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.jdbc.Sql;

/** A password the policy refuses is explained next to the field, never an error page. */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
@WithMockUser(username = "t-learner", roles = "LEARNER")
class ChangePasswordViewTest extends SpringBrowserlessTest {

    private ChangePasswordView tryNewPassword(String password) {
        UI.getCurrent().navigate("account/password");
        ChangePasswordView view = (ChangePasswordView) getCurrentView();
        view.current.setValue("Learner-pass1");
        view.fresh.setValue(password);
        view.repeat.setValue(password);
        test(view.save).click();
        assertThat(getCurrentView()).isSameAs(view);
        return view;
    }

    @Test
    void aPasswordLongerThan72BytesIsRefusedWithAMessage() {
        // 54 letters, 76 bytes in UTF-8
        ChangePasswordView view = tryNewPassword("Người dân được hướng dẫn phòng chống bạo lực giới 2026");
        assertThat(view.fresh.isInvalid()).isTrue();
        assertThat(view.fresh.getErrorMessage()).startsWith("Mật khẩu mới quá dài: tối đa 72 byte");
    }

    @Test
    void aCommonPasswordIsRefusedWithAMessage() {
        ChangePasswordView view = tryNewPassword("Vietnam2026");
        assertThat(view.fresh.isInvalid()).isTrue();
        assertThat(view.fresh.getErrorMessage()).isEqualTo("Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.");
    }

    @Test
    void aWrongCurrentPasswordIsShownAtThatField() {
        UI.getCurrent().navigate("account/password");
        ChangePasswordView view = (ChangePasswordView) getCurrentView();
        view.current.setValue("not-it");
        view.fresh.setValue("Hoc-tap-cham-2026");
        view.repeat.setValue("Hoc-tap-cham-2026");
        test(view.save).click();
        assertThat(view.current.isInvalid()).isTrue();
        assertThat(view.fresh.isInvalid()).isFalse();
    }
}
