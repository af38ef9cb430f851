package vn.gbv.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without logging in, only the login page, the health check and static styles answer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnonymousAccessIT {

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/my-learning", "/courses", "/people", "/units", "/admin/accounts", "/course-admin",
            "/learn/gbv-co-ban/lesson/1", "/course-assets/1/images/so-do.svg"})
    void pagesAndCourseFilesNeedALogin(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isIn(302, 401, 403);
        if (response.statusCode() == 302) {
            assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void loginPageHealthAndStylesArePublic() throws Exception {
        assertThat(get("/login").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").body()).contains("\"UP\"");
        assertThat(get("/styles/app.css").statusCode()).isEqualTo(200);
    }
}
