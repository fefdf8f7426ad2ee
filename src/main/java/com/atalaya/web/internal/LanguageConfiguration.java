package com.atalaya.web.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Spanish first, English second: chosen by the browser's language, switched with {@code ?lang=}. */
@Configuration
class LanguageConfiguration implements WebMvcConfigurer {

    static final Locale SPANISH = Locale.forLanguageTag("es");
    static final List<Locale> SUPPORTED = List.of(SPANISH, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("atalaya-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> preferred(request.getHeader("Accept-Language")));
        return resolver;
    }

    /** The first supported language of an {@code Accept-Language} header; Spanish when none is, or the header is malformed. */
    static Locale preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.length() > 1000) {
            return SPANISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return SPANISH;
        }
        for (var range : ranges) {
            for (Locale supported : SUPPORTED) {
                if (range.getRange().toLowerCase(Locale.ROOT).startsWith(supported.getLanguage())) {
                    return supported;
                }
            }
        }
        return SPANISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
