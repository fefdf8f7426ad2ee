package com.atalaya.identity.internal;

import com.atalaya.identity.ApiTokenAuthentication;
import com.atalaya.identity.IssuingApiTokens;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Four filter chains: the token endpoint (HTTP Basic), the REST API (Bearer tokens, stateless),
 * the public customer-facing endpoints (widget, contact forms; embeddable, no session) and the
 * agent UI (form login, CSRF, strict headers).
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    static final String UI_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        Argon2PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoint(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/v1/tokens", "/api/v1/tokens/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(problemEntryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, IssuingApiTokens tokens) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, problemEntryPoint()), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint()))
                .build();
    }

    /**
     * Metrics for monitoring: an operator's API token, as for the REST API. When
     * {@code management.server.port} is set, the management port answers without one (keep it private).
     */
    @Bean
    @Order(3)
    SecurityFilterChain metrics(HttpSecurity http, IssuingApiTokens tokens, Environment environment) throws Exception {
        boolean ownPort = environment.getProperty("management.server.port") != null;
        return http.securityMatcher("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, problemEntryPoint()), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> {
                    if (ownPort) {
                        a.anyRequest().permitAll();
                    } else {
                        a.anyRequest().hasRole("OPERATOR");
                    }
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint()))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain publicCustomerFacing(HttpSecurity http) throws Exception {
        // The chat widget runs in an iframe served from here, so its calls are same-origin: no CORS.
        return http.securityMatcher("/widget.js", "/widget/**", "/forms/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.frameOptions(f -> f.disable())
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                                        + "frame-ancestors *")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain ui(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                "/login",
                                "/setup",
                                "/error",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/api-docs",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(
                        f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(UI_CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    static AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, ex) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(
                    "WWW-Authenticate",
                    request.getRequestURI().startsWith("/api/v1/tokens")
                            ? "Basic realm=\"Atalaya\""
                            : "Bearer realm=\"Atalaya\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                            + "\"detail\":\"Sign in with a valid API token (Authorization: Bearer <token>); "
                            + "get one from POST /api/v1/tokens with HTTP Basic.\"}");
        };
    }

    /** Authenticates {@code Authorization: Bearer atl_...}; a wrong token is a 401, never a fallback. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final IssuingApiTokens tokens;
        private final AuthenticationEntryPoint entryPoint;

        BearerTokenFilter(IssuingApiTokens tokens, AuthenticationEntryPoint entryPoint) {
            this.tokens = tokens;
            this.entryPoint = entryPoint;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                var user = tokens.authenticate(header.substring(7).strip());
                if (user.isEmpty()) {
                    entryPoint.commence(request, response, null);
                    return;
                }
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new ApiTokenAuthentication(user.get()));
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}
