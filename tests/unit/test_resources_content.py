"""Blog posts and tags, pages, redirects (cassettes/content/, store_content.v2 examples)."""
from __future__ import annotations

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.resources import BlogPosts, BlogTags, Pages, Redirects
from tests.conftest import replay


def test_blog_posts_list_published_and_get_one(api: BigcommerceApi) -> None:
    with replay.use_cassette("content/blog_posts.yaml") as cassette:
        posts = api.BlogPosts.all(is_published=True)
        welcome = api.BlogPosts.get(3)
    assert cassette.all_played
    assert [p.title for p in posts][:2] == ["Hello Again", "Hello"]
    assert all(isinstance(p, BlogPosts) for p in posts)
    assert isinstance(welcome, BlogPosts)
    assert welcome.tags == ["BigCommerce", "welcome", "ecommerce"]


def test_blog_posts_return_the_published_date_as_an_object(api: BigcommerceApi) -> None:
    with replay.use_cassette("content/blog_posts.yaml"):
        post = api.BlogPosts.all(is_published=True)[0]
    assert post.published_date == {"date": "2018-05-18 08:26:42.000000", "timezone_type": 1, "timezone": "+00:00"}
    assert post.published_date_iso8601 == "2018-05-18T13:26:42+0000"


def test_blog_posts_count_published(api: BigcommerceApi) -> None:
    with replay.use_cassette("content/blog_posts_count.yaml") as cassette:
        assert api.BlogPosts.count(is_published=True) == 27
    assert cassette.all_played


def test_blog_post_create_sends_the_published_date_as_rfc_2822(api: BigcommerceApi) -> None:
    with replay.use_cassette("content/blog_post_create.yaml") as cassette:
        post = api.BlogPosts.create(
            title="Welcome to BigCommerce",
            body="<p>Customize your site, manage shipping and payments, and list your products on Amazon, "
                 "eBay, and Facebook with the #1 ecommerce platform. </p>",
            tags=["BigCommerce", "welcome", "ecommerce"], is_published=True,
            published_date="Fri, 18 May 2018 13:26:42 +0000",
        )
    assert cassette.all_played
    assert isinstance(post, BlogPosts) and post.url == "/blog/welcome-bigcommerce/"


def test_blog_tags_list_each_tag_with_its_post_ids(api: BigcommerceApi) -> None:
    with replay.use_cassette("content/blog_tags.yaml") as cassette:
        tags = api.BlogTags.all()
    assert cassette.all_played
    assert all(isinstance(t, BlogTags) for t in tags)
    assert {t.tag: t.post_ids for t in tags} == {"Blog": [1], "cupcakes": [2]}


def test_pages_list_and_get(api: BigcommerceApi) -> None:
    with replay.use_cassette("content/pages.yaml") as cassette:
        (contact,) = api.Pages.all()
        rss = api.Pages.get(1)
    assert cassette.all_played
    assert isinstance(contact, Pages) and contact.url == "/contact-us/"
    assert contact.contact_fields == "fullname,companyname,phone,orderno,rma"
    assert isinstance(rss, Pages) and rss.body == "%%Syndicate%%"


def test_pages_have_no_count_or_delete_all(api: BigcommerceApi) -> None:
    for operation in ("count", "delete_all"):
        with pytest.raises(AttributeError):
            getattr(api.Pages, operation)


def test_redirects_list_get_and_count(api: BigcommerceApi) -> None:
    with replay.use_cassette("content/redirects.yaml") as cassette:
        (listed,) = api.Redirects.all()
        redirect = api.Redirects.get(1)
    assert cassette.all_played
    assert isinstance(listed, Redirects) and isinstance(redirect, Redirects)
    assert redirect.path == "/smith-journal-13/"
    assert redirect.forward == {"type": "product", "ref": 111}
    assert redirect.url == "http://store-abc123.mybigcommerce.com/towels/bath-towels/hand-towels/"
    with replay.use_cassette("content/redirects_count.yaml"):
        assert api.Redirects.count() == 27
