package com.example; public final class Fork {}
