package com.atalaya.entityrulefixture.owner;

import com.atalaya.entityrulefixture.FixtureEntity;

@FixtureEntity
public class Thing {

    public String getName() {
        return "thing";
    }
}
