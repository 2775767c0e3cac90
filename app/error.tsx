"use client";

// Errors above every group layout (in a layout itself): the message without a frame.
export { default } from "@/components/layout/error-message";
