package com.atalaya.entityrulefixture.owner;

public record ThingView(String name) {}
