package com.atalaya.entityrulefixture.owner;

import java.util.List;
import java.util.Optional;

public class Things {

    public Optional<Thing> find() {
        return Optional.of(new Thing());
    }

    public List<ThingHolder> holders() {
        return List.of(new ThingHolder(new Thing()));
    }

    public String describe(Thing thing) {
        return thing.getName();
    }

    public ThingView view() {
        return new ThingView(new Thing().getName());
    }

    /** Returns an entity, but only callers in its own module use it. */
    public Thing forOwnModule() {
        return new Thing();
    }
}
