"use client";

// Errors inside this group render within its layout (header and footer included).
export { default } from "@/components/layout/error-message";
