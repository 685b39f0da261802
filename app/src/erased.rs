//! One view type for views of different types (the arms of a `match`, a page's body), cheaply
//! on the server.
//!
//! Leptos' `AnyView` (what `into_any()` and `Children` make) keeps, for every type it erases,
//! a pointer to each way of rendering it: HTML at once, HTML streamed in order and out of order,
//! async resolution (which erases the resolved type again), and building or updating DOM nodes.
//! So every erased type compiles its rendering code about ten times, and the worker renders only
//! HTML, at once: in the worker, 137 erased types were about 1 MB of its 5 MB of code
//! (docs/toolchain.md §10). [`Erased`] is `AnyView` in the browser and, in the worker
//! (feature `ssr`), [`ServerView`]: the HTML renderer of the type alone. The HTML is the same
//! (a test renders both and compares).

use leptos::prelude::*;

/// What [`IntoErased::erased`] returns: [`ServerView`] in the worker, `AnyView` elsewhere.
#[cfg(all(feature = "ssr", not(feature = "hydrate")))]
pub type Erased = ServerView;
/// What [`IntoErased::erased`] returns: [`ServerView`] in the worker, `AnyView` elsewhere.
#[cfg(not(all(feature = "ssr", not(feature = "hydrate"))))]
pub type Erased = AnyView;

/// `.erased()`: `.into_any()` with the smaller server type (module docs).
pub trait IntoErased {
    fn erased(self) -> Erased;
}

impl<T: RenderHtml + Send + 'static> IntoErased for T {
    #[cfg(all(feature = "ssr", not(feature = "hydrate")))]
    fn erased(self) -> Erased {
        ServerView::new(self)
    }
    #[cfg(not(all(feature = "ssr", not(feature = "hydrate"))))]
    fn erased(self) -> Erased {
        self.into_any()
    }
}

/// The `children` of a component that only the server renders (a page's frame): like Leptos'
/// `Children`, made by the `view!` macro from the children's closure, but [`Erased`].
pub struct PageChildren(Box<dyn FnOnce() -> Erased + Send>);

impl PageChildren {
    pub fn render(self) -> Erased {
        (self.0)()
    }
}

impl<F, C> leptos::children::ToChildren<F> for PageChildren
where
    F: FnOnce() -> C + Send + 'static,
    C: RenderHtml + Send + 'static,
{
    fn to_children(f: F) -> Self {
        PageChildren(Box::new(move || f().erased()))
    }
}

#[cfg(all(feature = "ssr", not(feature = "hydrate")))]
pub use server::ServerView;

#[cfg(all(feature = "ssr", not(feature = "hydrate")))]
mod server {
    use leptos::tachys::html::attribute::any_attribute::{AnyAttribute, IntoAnyAttribute};
    use leptos::tachys::html::attribute::Attribute;
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::add_attr::AddAnyAttr;
    use leptos::tachys::view::{MarkBranch, Position, PositionState, Render, RenderHtml};
    use std::any::TypeId;

    type ToHtml = Box<dyn FnOnce(&mut String, &mut Position, bool, bool, Vec<AnyAttribute>) + Send>;

    /// A view erased to its HTML renderer alone: renders exactly as `AnyView` does (the same
    /// branch markers when asked, the same placeholder for a view that renders nothing, the
    /// spread attributes passed on the same way), and nothing else. The worker never builds,
    /// updates or hydrates DOM nodes (there is no DOM in a worker), so those do nothing; and
    /// no page has anything to resolve asynchronously (no `Suspense`, no resource: the worker
    /// gathers the data first), so the view is its own resolution.
    pub struct ServerView {
        type_id: TypeId,
        to_html: ToHtml,
        attrs: Vec<AnyAttribute>,
    }

    impl ServerView {
        pub fn new<T: RenderHtml + Send + 'static>(view: T) -> Self {
            let value = view.into_owned();
            ServerView {
                type_id: TypeId::of::<T::Owned>(),
                to_html: Box::new(move |buf, position, escape, mark_branches, extra_attrs| {
                    value.to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
                    if !<T::Owned as RenderHtml>::EXISTS {
                        buf.push_str("<!--<() />-->");
                    }
                }),
                attrs: Vec::new(),
            }
        }
    }

    impl Render for ServerView {
        type State = ();

        fn build(self) -> Self::State {}

        fn rebuild(self, _state: &mut Self::State) {}
    }

    impl AddAnyAttr for ServerView {
        type Output<SomeNewAttr: Attribute> = ServerView;

        fn add_any_attr<NewAttr: Attribute>(mut self, attr: NewAttr) -> Self::Output<NewAttr>
        where
            Self::Output<NewAttr>: RenderHtml,
        {
            self.attrs.push(attr.into_cloneable_owned().into_any_attr());
            self
        }
    }

    impl RenderHtml for ServerView {
        type AsyncOutput = Self;
        type Owned = Self;
        const MIN_LENGTH: usize = 0;

        fn dry_resolve(&mut self) {}

        async fn resolve(self) -> Self::AsyncOutput {
            self
        }

        fn to_html_with_buf(
            self,
            buf: &mut String,
            position: &mut Position,
            escape: bool,
            mark_branches: bool,
            mut extra_attrs: Vec<AnyAttribute>,
        ) {
            extra_attrs.extend(self.attrs);
            let branch = (mark_branches && escape).then(|| format!("{:?}", self.type_id));
            if let Some(id) = &branch {
                buf.open_branch(id);
            }
            (self.to_html)(buf, position, escape, mark_branches, extra_attrs);
            if let Some(id) = &branch {
                buf.close_branch(id);
                if *position == Position::NextChildAfterText {
                    *position = Position::NextChild;
                }
            }
        }

        fn hydrate<const FROM_SERVER: bool>(
            self,
            _cursor: &Cursor,
            _position: &PositionState,
        ) -> Self::State {
        }

        fn into_owned(self) -> Self::Owned {
            self
        }
    }
}

#[cfg(all(test, feature = "ssr", not(feature = "hydrate")))]
mod tests {
    use super::*;

    fn both<V: RenderHtml + Send + Clone + 'static>(v: V) -> (String, String) {
        (v.clone().into_any().to_html(), v.erased().to_html())
    }

    #[test]
    fn renders_as_any_view_does() {
        let cases = [
            both(view! { <p class="a">"uno " {2} " tre"</p> }),
            both(view! { "testo" {"altro"} }),
            both(()),
            both(Some(view! { <b>"x"</b> })),
            both(None::<&'static str>),
        ];
        for (any, erased) in cases {
            assert_eq!(any, erased);
        }
        // Inside a parent, between texts (the position decides the text markers).
        let any = view! { <p>"a" {"b".into_any()} "c" {().into_any()} {2}</p> }.to_html();
        let erased = view! { <p>"a" {"b".erased()} "c" {().erased()} {2}</p> }.to_html();
        assert_eq!(any, erased);
        assert!(any.contains("<!--<() />-->"), "{any}");
    }
}
