package com.atalaya.entityrulefixture.user;

import com.atalaya.entityrulefixture.owner.Things;
import java.util.Map;

/** Hands the owner's entities on (as a controller to a template) without naming their type. */
class PassesThingsOn {

    Map<String, Object> model(Things things) {
        return Map.of(
                "thing",
                things.find(),
                "holders",
                things.holders(),
                "view",
                things.view(),
                "description",
                things.describe(things.find().orElseThrow()));
    }
}
