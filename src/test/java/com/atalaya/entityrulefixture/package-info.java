/**
 * Two fake modules, {@code owner} and {@code user}, on which {@code EntitiesStayInTheirModuleTest}
 * proves that its rule sees each way an entity can leak.
 */
package com.atalaya.entityrulefixture;
