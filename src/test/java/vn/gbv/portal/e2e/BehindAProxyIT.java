package vn.gbv.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.jdbc.Sql;

/**
 * Behind a reverse proxy that ends TLS: a request forwarded as HTTPS gets a Secure session cookie
 * and an HSTS header; a plain HTTP request (development) gets neither.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Sql("/sql/test-accounts.sql")
class BehindAProxyIT {

    @LocalServerPort
    int port;

    private HttpResponse<String> loginPage(String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    @Test
    void aRequestForwardedAsHttpsGetsASecureCookieAndHsts() throws Exception {
        HttpResponse<String> response = loginPage("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.50");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(response)).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=");
    }

    @Test
    void aPlainHttpRequestGetsNeither() throws Exception {
        HttpResponse<String> response = loginPage();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(response)).doesNotContainIgnoringCase("Secure");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
