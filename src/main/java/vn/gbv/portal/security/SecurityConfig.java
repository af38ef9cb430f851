package vn.gbv.portal.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

@Configuration
@EnableWebSecurity
// Services use @PreAuthorize; views' @RolesAllowed is checked by Vaadin's navigation access control
@EnableMethodSecurity
@EnableConfigurationProperties(LoginLimits.class)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionStamps stamps) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health/**", "/actuator/health", "/styles/**", "/images/**").permitAll()
                // Lesson images are course content: for signed-in users only. Vaadin denies any
                // request it does not know, so the path needs its own rule.
                .requestMatchers("/course-assets/**").authenticated());
        // An address that matches no route must reach Vaadin, which shows the portal's own "not
        // found" page with a 404 to a signed-in user; by default the configurer denies it with an
        // empty 403 (which Chromium saves as a download). Anonymous users still go to the login.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        // A session whose account changed ends before anything else reads its authorities.
        http.addFilterAfter(new SessionStampFilter(stamps), SecurityContextHolderFilter.class);
        // HSTS is Spring Security's default header, sent on secure requests only; behind a proxy the
        // forwarded protocol makes a request secure (server.forward-headers-strategy=native).
        http.formLogin(form -> form.withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
            @Override
            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(failureHandler());
                return filter;
            }
        }));
        return http.build();
    }

    /**
     * One answer for every refusal that concerns an account (unknown, wrong password, locked,
     * disabled), so the login page never tells whether an account exists; a refused client
     * address and a database outage have their own.
     */
    static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String reason = exception instanceof PortalAuthenticationProvider.LoginUnavailableException ? "unavailable"
                    : exception instanceof PortalAuthenticationProvider.AddressRefusedException ? "refused" : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        };
    }

    @Bean
    AuthenticationProvider authenticationProvider(PortalUserDetailsService users, PasswordEncoder encoder,
                                                  LoginThrottle throttle) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
        passwordCheck.setPasswordEncoder(encoder);
        return new PortalAuthenticationProvider(passwordCheck, throttle);
    }

    /** Argon2/bcrypt behind a delegating encoder: stored hashes name their algorithm and can be upgraded. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
