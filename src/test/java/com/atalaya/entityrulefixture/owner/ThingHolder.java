package com.atalaya.entityrulefixture.owner;

/** A record of the API that carries the entity itself. */
public record ThingHolder(Thing thing) {}
