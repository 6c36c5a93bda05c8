package org.cameraregistry.identity.signin;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.cameraregistry.identity.account.AccountPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in form under the throttle: a blocked attempt is answered 429 with {@code Retry-After} and
 * a page saying when to try again, before the password is even checked; a failure is counted; a
 * success clears the account's count. Every attempt is counted in {@code identity.sign_ins}, by
 * outcome ({@code signed-in}, {@code refused}, {@code throttled}) and department ({@code none} for
 * an owner, and for an attempt that signed no one in).
 */
public class ThrottledSignIn extends OncePerRequestFilter {

    private static final String NO_DEPARTMENT = "none";

    private final SignInThrottle throttle;
    private final String path;
    private final MeterRegistry meters;

    public ThrottledSignIn(SignInThrottle throttle, String path, MeterRegistry meters) {
        this.throttle = throttle;
        this.path = path;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && path.equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> blocked = throttle.blocked(request.getParameter("email"), request.getRemoteAddr());
        if (blocked.isPresent()) {
            count("throttled", NO_DEPARTMENT);
            tooMany(response, blocked.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Counts the failure, then answers as the form does, or 429 if this failure crossed the line. */
    public AuthenticationFailureHandler onFailure() {
        SimpleUrlAuthenticationFailureHandler form = new SimpleUrlAuthenticationFailureHandler(path + "?error");
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
            Optional<Duration> blocked = throttle.failed(request.getParameter("email"), request.getRemoteAddr());
            count("refused", NO_DEPARTMENT);
            if (blocked.isPresent()) {
                tooMany(response, blocked.get());
            } else {
                form.onAuthenticationFailure(request, response, failure);
            }
        };
    }

    public AuthenticationSuccessHandler onSuccess() {
        SavedRequestAwareAuthenticationSuccessHandler form = new SavedRequestAwareAuthenticationSuccessHandler();
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            throttle.succeeded(request.getParameter("email"));
            count("signed-in", authentication.getPrincipal() instanceof AccountPrincipal principal
                    ? principal.account().departmentId().orElse(NO_DEPARTMENT) : NO_DEPARTMENT);
            form.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private void count(String outcome, String department) {
        meters.counter("identity.sign_ins", "outcome", outcome, "department", department).increment();
    }

    private static void tooMany(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Too many attempts · Community Camera Registry</title></head><body><main>"
                + "<h1>Too many attempts</h1><p>Signing in failed too often. Try again in " + seconds
                + " seconds, or <a href=\"/accounts/forgot-password\">choose a new password</a>.</p></main></body></html>");
    }
}
