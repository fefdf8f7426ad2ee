package com.atalaya.entityrulefixture;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Stands for {@code @Entity} in the fixtures of {@code EntitiesStayInTheirModuleTest}. */
@Retention(RetentionPolicy.RUNTIME)
public @interface FixtureEntity {}
